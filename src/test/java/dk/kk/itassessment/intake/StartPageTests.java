package dk.kk.itassessment.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The start page for everyone: the seed's message, "Findes det allerede?" finding a granted portfolio entry by its
 * alias and an approved supplier's system (but neither a refused entry nor an expired agreement's system), each
 * leading into the form filled in with it; the accessibility statement; axe-core in both languages.
 */
@IntegrationTest
class StartPageTests {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    String base() {
        return "http://localhost:" + port;
    }

    void entry(String name, String alias, String permission) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("aliases", List.of(alias));
        body.put("supplierName", "Leverandør " + suffix);
        body.put("supplierCvr", null);
        body.put("category", "TEACHING");
        body.put("permission", permission);
        body.put("permissionValidUntil", null);
        body.put("connectedInstitutions", List.of());
        Api.Response created = api.post("/api/v1/portfolio", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    void supplier(String name, String agreement, String system) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("cvr", null);
        body.put("agreement", agreement);
        body.put("agreementValidUntil", null);
        body.put("coveredSystems", List.of(system));
        Api.Response created = api.post("/api/v1/suppliers", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @Test
    void aSearchFindsWhatIsPermittedAndLeadsIntoTheForm() {
        entry("Læselyst " + suffix, "Bogorm " + suffix, "GRANTED");
        entry("Bogorm " + suffix + " Pro", "Forbudt " + suffix, "REFUSED");
        supplier("Skoleværktøj " + suffix, "ACTIVE", "Bogorm " + suffix + " Tegn");
        supplier("Gammel " + suffix, "EXPIRED", "Bogorm " + suffix + " Gammel");

        Browser.open(base() + "/?lang=da");
        assertThat(Browser.heading()).contains("ny app");
        assertThat(Browser.find("main").getText()).contains("gratis apps").contains("Kvantum").contains("Hardware")
                .contains("lignende løsning");
        Browser.find("#q").sendKeys("BOGORM " + suffix.toUpperCase(), Keys.ENTER);
        Browser.waitUntil(b -> Browser.path().contains("q="));
        String results = Browser.find("table.data").getText();
        assertThat(results).contains("Læselyst " + suffix).contains("ibrugtagningstilladelse")
                .contains("Bogorm " + suffix + " Tegn").contains("Skoleværktøj " + suffix)
                .doesNotContain("Bogorm Pro").doesNotContain("Gammel");
        Browser.screenshot("start-search-da");
        Browser.assertAccessible();

        Browser.open(base() + "/?q=bogorm+" + suffix + "&lang=en");
        assertThat(Browser.find("table.data").getText()).contains("Has a permission to use");
        Browser.assertAccessible();
        String into = Browser.find("table.data a").getAttribute("href");
        assertThat(into).contains("/intake?solution.name=").contains(suffix);

        Browser.open(base() + "/?q=ingen-" + suffix);
        assertThat(Browser.find(".results .notice").getText()).contains("We found no approved solution");
        Browser.open(base() + "/?lang=da");
    }

    @Test
    void theAccessibilityStatementSaysWhatWasTestedInBothLanguages() {
        Browser.open(base() + "/accessibility?lang=da");
        assertThat(Browser.heading()).isEqualTo("Tilgængelighedserklæring");
        assertThat(Browser.find("main").getText()).contains("WCAG 2.1").contains("axe-core").contains("tastaturet")
                .contains("Digitaliseringsstyrelsen");
        assertThat(Browser.find("#contact").getAttribute("href")).isEqualTo("mailto:digitalisering@localhost");
        assertThat(Browser.find("#complain").getAttribute("href")).startsWith("https://www.was.digst.dk");
        Browser.assertAccessible();
        Browser.open(base() + "/accessibility?lang=en");
        assertThat(Browser.heading()).isEqualTo("Accessibility statement");
        Browser.screenshot("accessibility-en");
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
        assertThat(Browser.find("footer a").getAttribute("href")).endsWith("/accessibility");
    }
}
