package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import dk.kk.itassessment.support.TestAccounts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages' security chain over plain HTTP: what a browser does not show (status codes, cookies, headers). The same
 * flows in a real browser: SignInPageTests.
 */
@IntegrationTest
class PageSecurityTests {

    private static final String PASSWORD = "page-login-long-password";

    @Autowired
    Api api;

    PageSession session() {
        return new PageSession(api.port());
    }

    String newAccount(String role) {
        String username = "page-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of(role))).status()).isEqualTo(201);
        return username;
    }

    @Test
    void signingInGivesASessionCookieScriptsCannotReadAndOtherSitesDoNotSend() {
        PageSession browser = session();
        HttpResponse<String> login = browser.signIn(TestAccounts.username(Role.REQUESTER),
                TestAccounts.password(TestAccounts.username(Role.REQUESTER)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(browser.get("/intake").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionDoesNotOpenTheApi() {
        PageSession browser = session();
        browser.signIn(TestAccounts.username(Role.ADMIN), TestAccounts.password(TestAccounts.username(Role.ADMIN)));
        assertThat(browser.get("/admin").statusCode()).isNotIn(302, 401, 403);
        HttpResponse<String> apiCall = browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/users")).GET());
        assertThat(apiCall.statusCode()).isEqualTo(401);
        assertThat(apiCall.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void nobodySignedInIsSentToTheLoginPage() {
        HttpResponse<String> intake = session().get("/intake");
        assertThat(intake.statusCode()).isEqualTo(302);
        assertThat(intake.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void aRequesterGetsTheForbiddenPageInHtml() {
        PageSession browser = session();
        String requester = newAccount("REQUESTER");
        browser.signIn(requester, PASSWORD);
        for (String path : List.of("/rulesets", "/admin", "/registry", "/admin/users?lang=en")) {
            HttpResponse<String> refused = browser.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(refused.body()).contains(path.endsWith("lang=en") ? "No access" : "Ingen adgang");
        }
    }

    @Test
    void aPathNoPageServesIsTheNotFoundPageInTheLayoutWhileTheApiKeepsItsProblem() {
        PageSession browser = session();
        browser.signIn(newAccount("ADMIN"), PASSWORD);
        for (String path : List.of("/cases/BUF-2026-00001/no-such-part", "/rulesets/no/such/page", "/intake/nothing?lang=en")) {
            HttpResponse<String> missing = browser.get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(missing.body()).as(path).contains(path.endsWith("lang=en") ? "Page not found" : "Siden findes ikke")
                    .contains("<main");
        }
        Api.Response api404 = api.get("/api/v1/cases/BUF-1999-99999");
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        PageSession browser = session();
        HttpResponse<String> login = browser.post("/login", Map.of("username", TestAccounts.username(Role.REQUESTER),
                "password", TestAccounts.password(TestAccounts.username(Role.REQUESTER))));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("Ingen adgang");
        browser.signIn(TestAccounts.username(Role.REQUESTER), TestAccounts.password(TestAccounts.username(Role.REQUESTER)));
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/intake").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(browser.uri("/logout")).GET()).statusCode())
                .as("no sign-out by GET").isNotEqualTo(302);
        HttpResponse<String> logout = browser.post("/logout", Map.of("_csrf", browser.csrf("/")));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
        assertThat(browser.get("/intake").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void theLoginFormLocksOutAsHttpBasicDoes() {
        String username = newAccount("REVIEWER");
        PageSession browser = session();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = browser.signIn(username, "not-the-password");
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        }
        HttpResponse<String> locked = browser.signIn(username, PASSWORD);
        assertThat(locked.headers().firstValue("Location")).as("locked out, right password and all")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(api.as(username, PASSWORD).get("/api/v1/rulesets").status()).as("the same lock for Basic")
                .isEqualTo(401);
    }

    @Test
    void pagesForbidInlineScriptAndFraming() {
        HttpResponse<String> login = session().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(PageSecurity.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theLoginPageOffersTheIdentityProviderWhereOneIsConfigured() {
        PageSession browser = session();
        assertThat(browser.get("/login").body()).contains("href=\"/oauth2/authorization/test-idp\"")
                .contains("Log ind med Test-IdP");
        HttpResponse<String> start = browser.get("/oauth2/authorization/test-idp");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .startsWith("https://idp.example.test/authorize?").contains("client_id=it-assessment-test")
                .contains("scope=openid").contains("state=").contains("nonce=")
                .contains("redirect_uri=http://localhost:" + api.port() + "/login/oauth2/code/test-idp"));
    }
}
