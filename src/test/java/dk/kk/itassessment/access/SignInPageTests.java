package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in and out in a real browser: the login form, the way back to the page asked for, the 403 page for a
 * requester on the officers' and the admins' pages, a form whose CSRF token is gone refused, signing out by POST,
 * and axe-core on the login and the start page in both languages.
 */
@IntegrationTest
class SignInPageTests {

    private static final String PASSWORD = "sign-in-page-long-password";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    String base() {
        return "http://localhost:" + port;
    }

    String newRequester() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        return username;
    }

    @Test
    void aRequesterSignsInWithTheFormAndIsRefusedTheOfficersPages() {
        String requester = newRequester();
        Browser.open(base() + "/");
        Browser.forget();
        Browser.open(base() + "/intake");
        assertThat(Browser.path()).isEqualTo("/login");
        Browser.find("#username").sendKeys(requester);
        Browser.find("#password").sendKeys(PASSWORD);
        Browser.find("form.login-form button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().startsWith("/intake"));
        assertThat(Browser.find("header").getText()).contains(requester).contains("Ny anskaffelse")
                .doesNotContain("Regelsæt").doesNotContain("Administration");

        Browser.open(base() + "/rulesets");
        assertThat(Browser.heading()).isEqualTo("Ingen adgang");
        assertThat(Browser.lang()).isEqualTo("da");
        Browser.screenshot("forbidden-da");
        Browser.assertAccessible();
        Browser.open(base() + "/admin?lang=en");
        assertThat(Browser.heading()).isEqualTo("No access");
        assertThat(Browser.lang()).isEqualTo("en");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndSigningOutIsAPost() {
        Browser.open(base() + "/");
        Browser.signIn(newRequester(), PASSWORD);
        ((JavascriptExecutor) Browser.driver()).executeScript(
                "document.querySelector('form[action=\"/logout\"] input[name=\"_csrf\"]').remove()");
        Browser.find("form[action='/logout'] button").click();
        Browser.waitUntil(b -> "Ingen adgang".equals(Browser.heading()));
        Browser.open(base() + "/intake");
        assertThat(Browser.path()).as("still signed in").isEqualTo("/intake");

        Browser.signOut();
        assertThat(Browser.find("main").getText()).contains("Du er logget ud");
        Browser.open(base() + "/intake");
        assertThat(Browser.path()).as("signed out").isEqualTo("/login");
    }

    @Test
    void aWrongPasswordIsSaidWithoutSayingWhich() {
        Browser.open(base() + "/login");
        Browser.forget();
        Browser.open(base() + "/login");
        Browser.find("#username").sendKeys("nobody-" + UUID.randomUUID().toString().substring(0, 8));
        Browser.find("#password").sendKeys("wrong-password-12");
        Browser.find("form.login-form button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().equals("/login?error"));
        assertThat(Browser.find(".error-summary").getText()).contains("forkert");
        assertThat(Browser.driver().switchTo().activeElement().getAttribute("class")).contains("error-summary");
        Browser.assertAccessible();
    }

    @Test
    void theLoginAndTheStartPagePassAxeInBothLanguages() {
        Browser.open(base() + "/login");
        Browser.forget();
        for (String lang : List.of("da", "en")) {
            Browser.open(base() + "/login?lang=" + lang);
            assertThat(Browser.lang()).isEqualTo(lang);
            Browser.screenshot("login-" + lang);
            Browser.assertAccessible();
            Browser.open(base() + "/");
            assertThat(Browser.lang()).as("the language is remembered").isEqualTo(lang);
            Browser.screenshot("start-" + lang);
            Browser.assertAccessible();
        }
        Browser.open(base() + "/?lang=da");
    }
}
