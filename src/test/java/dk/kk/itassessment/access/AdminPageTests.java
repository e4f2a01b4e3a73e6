package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin} in a real browser: an admin creates an account (a refused field next to it first), changes its
 * roles and disables it; creates an API key, which is shown once and works; reads the audit trail with those changes
 * and verifies its chain; a requester is refused the page; axe-core on each page in Danish and English.
 */
@IntegrationTest
class AdminPageTests {

    private static final String PASSWORD = "admin-page-long-password";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    private String base() {
        return "http://localhost:" + port;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String account(String role) {
        String username = unique("adminpage-" + role.toLowerCase().replace('_', '-'));
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of(role))).status()).isEqualTo(201);
        return username;
    }

    private void signInAsAdmin() {
        Browser.open(base() + "/?lang=da");
        Browser.signIn(account("ADMIN"), PASSWORD);
    }

    private JsonNode accountOf(String username) {
        for (JsonNode account : api.get("/api/v1/users").json().values()) {
            if (account.get("username").asString().equals(username)) {
                return account;
            }
        }
        return null;
    }

    @Test
    void anAdminCreatesAnAccountChangesItsRolesAndDisablesIt() {
        signInAsAdmin();
        Browser.open(base() + "/admin");
        String username = unique("bodil");
        Browser.find("#account-username").sendKeys(username);
        Browser.find("#account-email").sendKeys(username + "@example.dk");
        Browser.find("#account-password").sendKeys("short");
        Browser.find("label[for='account-role-REVIEWER']").click();
        Browser.find("form[action='/admin/accounts'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".error-summary").isEmpty());
        assertThat(Browser.find("#account-password-error").getText()).as("the API's reason, in Danish")
                .isEqualTo("Skal være mindst 12 tegn.");
        assertThat(Browser.find("#account-username").getAttribute("value")).as("kept").isEqualTo(username);
        assertThat(Browser.find("#account-role-REVIEWER").isSelected()).as("kept").isTrue();
        assertThat(accountOf(username)).as("nothing stored").isNull();
        Browser.screenshot("admin-account-error-da");
        Browser.assertAccessible();

        Browser.find("#account-password").sendKeys("a-long-enough-password");
        Browser.find("form[action='/admin/accounts'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".notice").isEmpty());
        assertThat(Browser.find(".notice").getText()).contains(username);
        assertThat(Browser.find("#accounts").getText()).contains(username, "Sagsbehandler");
        assertThat(accountOf(username).get("roles").values()).extracting(JsonNode::asString).containsExactly("REVIEWER");

        Browser.find("#accounts a[href='/admin/accounts/" + username + "']").click();
        Browser.waitUntil(b -> Browser.path().equals("/admin/accounts/" + username));
        Browser.find("label[for='role-POLICY_OFFICER']").click();
        Browser.find("form[action$='/roles'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".notice").isEmpty());
        assertThat(accountOf(username).get("roles").values()).extracting(JsonNode::asString)
                .containsExactly("REVIEWER", "POLICY_OFFICER");
        Browser.find("form[action$='/unlock'] button").click();
        Browser.waitUntil(b -> Browser.find(".notice").getText().contains("Låsningerne"));
        Browser.find("form[action$='/disable'] button").click();
        Browser.waitUntil(b -> Browser.find(".notice").getText().contains("deaktiveret"));
        assertThat(accountOf(username).get("enabled").asBoolean()).isFalse();
        Browser.screenshot("admin-account-da");
        Browser.assertAccessible();
        Browser.open(base() + "/admin/accounts/" + username + "?lang=en");
        assertThat(Browser.heading()).isEqualTo("The account " + username);
        Browser.assertAccessible();
        Browser.open(base() + "/admin?lang=en");
        Browser.screenshot("admin-en");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void anApiKeyIsShownOnceAndWorks() {
        signInAsAdmin();
        Browser.open(base() + "/admin");
        String name = unique("Selvbetjening");
        Browser.find("#key-name").sendKeys(name);
        Browser.find("label[for='key-role-INTAKE_CLIENT']").click();
        Browser.find("form[action='/admin/api-keys'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll("#new-key").isEmpty());

        String key = Browser.find("#new-key").getAttribute("value");
        assertThat(key).startsWith("itak_").hasSize(48);
        assertThat(Browser.find("[role=alert]").getText()).contains("kun denne ene gang");
        Browser.screenshot("admin-key-created-da");
        Browser.assertAccessible();
        Api.Response asTheKey = api.anonymous().send("/api/v1/assessments", "GET", null, new byte[0],
                Map.of("Authorization", "Bearer " + key));
        assertThat(asTheKey.status()).as("the key works").isEqualTo(200);

        Browser.open(base() + "/admin");
        assertThat(Browser.find("#keys").getText()).contains(name, "Indtagsklient");
        assertThat(Browser.driver().getPageSource()).as("shown once").doesNotContain(key);
        Browser.find("button[aria-label='Tilbagekald nøglen " + name + "']").click();
        Browser.waitUntil(b -> !Browser.findAll(".notice").isEmpty());
        assertThat(api.anonymous().send("/api/v1/assessments", "GET", null, new byte[0],
                Map.of("Authorization", "Bearer " + key)).status()).as("revoked").isEqualTo(401);
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void theAuditTrailShowsTheChangesAndVerifiesItsChain() {
        String username = account("REQUESTER"); // user.created, by the test ADMIN
        signInAsAdmin();
        Browser.open(base() + "/admin");
        Browser.find("a[href='/admin/audit']").click();
        Browser.waitUntil(b -> Browser.path().equals("/admin/audit"));
        assertThat(Browser.find("#audit").getText()).contains("user.created", "account/" + username);
        Browser.find("form[action='/admin/audit'] button").click();
        Browser.waitUntil(b -> !Browser.findAll("#verification").isEmpty());
        assertThat(Browser.find("#verification").getText()).startsWith("Kæden er hel");
        Browser.screenshot("admin-audit-da");
        Browser.assertAccessible();
        Browser.open(base() + "/admin/audit?verify=1&lang=en");
        assertThat(Browser.find("#verification").getText()).startsWith("The chain is intact");
        Browser.screenshot("admin-audit-en");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }

    /** A case opened mails its requester a receipt: the outbox page lists that mail (never its text). */
    @Test
    void theMailOutboxListsTheReceiptOfANewCase() {
        String email = unique("outbox") + "@example.dk";
        tools.jackson.databind.node.ObjectNode request = (tools.jackson.databind.node.ObjectNode)
                dk.kk.itassessment.assessment.Examples.request().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) request.get("requester")).put("email", email);
        Api.Response stored = api.post("/api/v1/assessments", request);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        String caseNumber = stored.json().get("caseNumber").asString();
        signInAsAdmin();
        Browser.open(base() + "/admin");
        Browser.find("a[href='/admin/mail']").click();
        Browser.waitUntil(b -> Browser.path().equals("/admin/mail"));

        assertThat(Browser.find("#mails").getText()).contains(email, caseNumber);
        Browser.screenshot("admin-mail-da");
        Browser.assertAccessible();
        Browser.open(base() + "/admin/mail?lang=en&status=PENDING");
        assertThat(Browser.heading()).isEqualTo("Mail outbox");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void aRequesterIsRefusedTheAdminAndTheRegistryPages() {
        Browser.open(base() + "/?lang=da");
        Browser.signIn(account("REQUESTER"), PASSWORD);
        for (String page : List.of("/admin", "/admin/audit", "/admin/mail", "/admin/accounts/admin", "/registry")) {
            Browser.open(base() + page);
            assertThat(Browser.heading()).as(page).isEqualTo("Ingen adgang");
        }
        assertThat(Browser.find("header").getText()).doesNotContain("Administration").doesNotContain("Register");
    }
}
