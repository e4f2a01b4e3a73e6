package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /registry} in a real browser: administrative staff search the portfolio and the suppliers (and cannot edit);
 * an admin edits an entry (a refused field shown next to it, then saved as the API saves it) and uploads a supplier
 * CSV whose bad line is named on the page, with nothing stored; axe-core on each page in Danish and English.
 */
@IntegrationTest
class RegistryPageTests {

    private static final String PASSWORD = "registry-page-long-password";

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
        String username = unique("registry-" + role.toLowerCase().replace('_', '-'));
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of(role))).status()).isEqualTo(201);
        return username;
    }

    private JsonNode entry(String name, String supplier) {
        Api.Response created = api.post("/api/v1/portfolio", Map.of("name", name, "aliases", List.of(name + " Pro"),
                "supplierName", supplier, "category", "TEACHING", "permission", "GRANTED"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    @Test
    void administrativeStaffSearchTheRegistryAndCannotEditIt() {
        String name = unique("Quizland");
        String supplier = unique("Quiz ApS");
        entry(name, supplier);
        assertThat(api.post("/api/v1/suppliers", Map.of("name", supplier, "agreement", "ACTIVE",
                "coveredSystems", List.of(name))).status()).isEqualTo(201);
        Browser.open(base() + "/?lang=da");
        Browser.signIn(account("ADMINISTRATIVE_STAFF"), PASSWORD);

        Browser.open(base() + "/registry");
        Browser.find("#q").sendKeys(name.toUpperCase() + " pro"); // an alias, compared as names are
        Browser.find("form.registry-search button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().startsWith("/registry?q="));

        assertThat(Browser.find("#portfolio").getText()).contains(name, supplier, "Undervisning", "Tilladelse givet");
        assertThat(Browser.findAll("#portfolio a[href^='/registry/portfolio/']")).as("no edit link").isEmpty();
        assertThat(Browser.findAll("input[type=file]")).as("no CSV upload").isEmpty();
        Browser.screenshot("registry-search-da");
        Browser.assertAccessible();

        Browser.open(base() + "/registry?lang=en&q=" + supplier);
        assertThat(Browser.lang()).isEqualTo("en");
        assertThat(Browser.find("#suppliers").getText()).contains(supplier, "Active data processing agreement", name);
        Browser.screenshot("registry-search-en");
        Browser.assertAccessible();

        Browser.open(base() + "/registry/portfolio/" + UUID.randomUUID());
        assertThat(Browser.heading()).as("the edit form is an admin's").isEqualTo("No access");
        Browser.open(base() + "/?lang=da");
    }

    /** A form post of an edit or an import, with its CSRF token, from staff: the 403 page, and nothing changes. */
    @Test
    void staffCannotPostAnEditOrAnImport() {
        String name = unique("Skriveværk");
        String id = entry(name, "Skriveværk ApS").get("id").asString();
        PageSession staff = new PageSession(port);
        assertThat(staff.signIn(account("ADMINISTRATIVE_STAFF"), PASSWORD).statusCode()).isEqualTo(302);
        String csrf = staff.csrf("/registry");

        var edit = staff.post("/registry/portfolio/" + id, Map.of("_csrf", csrf, "name", name, "supplierName", "X",
                "category", "TEACHING", "permission", "REVOKED"));
        var upload = staff.post("/registry/suppliers/import", Map.of("_csrf", csrf));

        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/portfolio/" + id).json().get("permission").asString()).isEqualTo("GRANTED");
    }

    @Test
    void anAdminEditsAnEntryAsTheApiWould() {
        String name = unique("Bogværk");
        JsonNode entry = entry(name, "Bogværk A/S");
        String id = entry.get("id").asString();
        Browser.open(base() + "/?lang=da");
        Browser.signIn(account("ADMIN"), PASSWORD);
        Browser.open(base() + "/registry?q=" + name);
        Browser.find("#portfolio a[href='/registry/portfolio/" + id + "']").click();
        Browser.waitUntil(b -> Browser.path().equals("/registry/portfolio/" + id));
        assertThat(Browser.find("#name").getAttribute("value")).isEqualTo(name);

        Browser.find("#supplierCvr").sendKeys("1234"); // not a CVR number: the API's field error, next to the field
        new Select(Browser.find("#permission")).selectByValue("REVOKED");
        Browser.find("main form button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".error-summary").isEmpty());
        assertThat(Browser.find("#supplierCvr-error").getText())
                .as("the API's field error in the page's language").isEqualTo("Skal være et gyldigt CVR-nummer på 8 cifre.");
        assertThat(Browser.find("#supplierCvr-error").getAttribute("lang")).isNullOrEmpty();
        assertThat(Browser.find("#supplierCvr").getAttribute("aria-describedby")).contains("supplierCvr-error");
        assertThat(Browser.find(".error-summary a[href='#supplierCvr']").getText()).isEqualTo("Leverandørens CVR-nummer");
        assertThat(api.get("/api/v1/portfolio/" + id).json().get("permission").asString()).as("nothing stored")
                .isEqualTo("GRANTED");
        Browser.screenshot("registry-edit-error-da");
        Browser.assertAccessible();

        Browser.find("#supplierCvr").clear();
        Browser.find("main form button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().startsWith("/registry?q="));
        assertThat(Browser.find(".notice").getText()).contains(name);
        assertThat(Browser.find("#portfolio").getText()).contains("Tilbagekaldt");
        JsonNode stored = api.get("/api/v1/portfolio/" + id).json();
        assertThat(stored.get("permission").asString()).isEqualTo("REVOKED");
        assertThat(stored.get("aliases").values()).extracting(JsonNode::asString).containsExactly(name + " Pro");

        Browser.open(base() + "/registry/portfolio/" + id + "?lang=en");
        assertThat(Browser.heading()).isEqualTo("Edit solution");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void aSupplierCsvWithABadLineShowsThatLineAndStoresNothing() throws Exception {
        String good = unique("Leverandør");
        String another = unique("Leverandør");
        Path csv = Files.createTempFile("suppliers-", ".csv");
        Files.writeString(csv, "name,cvr,agreement,agreementValidUntil,coveredSystems\n"
                + good + ",,ACTIVE,2030-01-01,Quizland|Bogværk\n"
                + another + ",123,ACTIVE,,\n", StandardCharsets.UTF_8);
        Browser.open(base() + "/?lang=da");
        Browser.signIn(account("ADMIN"), PASSWORD);
        Browser.open(base() + "/registry");
        Browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        Browser.find("form[action='/registry/suppliers/import'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".error-summary").isEmpty());

        String errors = Browser.find(".error-summary").getText();
        assertThat(errors).contains("Filen blev ikke indlæst", "Linje 3", "cvr").doesNotContain("Linje 2");
        assertThat(errors).as("the line's error in Danish").contains("Skal være et gyldigt CVR-nummer på 8 cifre.")
                .doesNotContain("must be");
        assertThat(api.get("/api/v1/suppliers?size=100").json().get("items").values())
                .extracting(s -> s.get("name").asString()).doesNotContain(good, another);
        Browser.screenshot("registry-import-error-da");
        Browser.assertAccessible();

        Files.writeString(csv, "name,cvr,agreement,agreementValidUntil,coveredSystems\n"
                + good + ",,ACTIVE,2030-01-01,Quizland|Bogværk\n", StandardCharsets.UTF_8);
        Browser.open(base() + "/registry?lang=en");
        Browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        Browser.find("form[action='/registry/suppliers/import'] button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".notice").isEmpty());
        assertThat(Browser.find(".notice").getText()).contains("1 suppliers created, 0 updated");
        Browser.assertAccessible();
        Browser.open(base() + "/registry?q=" + good);
        assertThat(Browser.find("#suppliers").getText()).contains(good, "Quizland, Bogværk");
        Files.deleteIfExists(csv);
        Browser.open(base() + "/?lang=da");
    }
}
