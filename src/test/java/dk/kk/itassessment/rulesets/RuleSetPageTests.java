package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import dk.kk.itassessment.support.RegistryFixtures;
import dk.kk.itassessment.support.TestAccounts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A policy officer's loop in the browser: she uploads a routes table changed in the test (fast-track days 30 → 32,
 * which the golden scenarios pin), reads the report (the failing scenarios with expected and actual, each linked to
 * the deciding row), accepts the new outcomes, reads the diff (the changed cell old → new) and the table view (the
 * row's anchor); a second officer approves, the first activates, sees the rows' firings, and rolls back. A reviewer
 * reads the same pages without a button. axe-core checks every page in Danish and English. Leaves the version it
 * found active.
 */
@IntegrationTest
class RuleSetPageTests {

    private static final String DAYS_CELL = "Routes!I21";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    RegistryFixtures registry;

    @Test
    void anOfficerUploadsReadsAcceptsASecondApprovesTheFirstActivatesAndRollsBack() throws IOException {
        Drafts drafts = new Drafts(api);
        String first = officer("anna");
        String second = officer("bodil");
        String original = drafts.active().get("id").asString();
        JsonNode example = Examples.load("03-known-supplier-new-system"); // fast track: 30 days, 32 with the change
        registry.clear();
        registry.load(example.get("registry"));
        assertThat(api.as(Role.REQUESTER).post("/api/v1/assessments", example.get("request")).json()
                .get("estimatedProcessingDays").asInt()).isEqualTo(30);
        Path upload = Files.createTempDirectory("ruleset-page").resolve("routes.drl.xlsx");
        Files.write(upload, Drafts.edit(drafts.table(original, "routes"), Map.of(DAYS_CELL, 32)));

        // the versions page and the upload form (no JavaScript needed: the file field itself)
        Browser.open(base() + "/login");
        signIn(first);
        open("/rulesets?lang=da");
        assertThat(Browser.findAll("table.versions tbody tr.active-version th a")).as(where()).extracting(WebElement::getText)
                .containsExactly(original);
        accessibleInBothLanguages();
        find("#table").sendKeys(upload.toString());
        find("#comment").sendKeys("Fast track in 32 days " + UUID.randomUUID());
        find("form.upload button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().matches("/rulesets/\\d+"));
        String failing = Browser.path().substring("/rulesets/".length());

        // the report: the failing scenarios, expected and actual, each linked to the row that decides
        List<WebElement> parts = Browser.findAll("table.failures tbody tr");
        assertThat(parts).isNotEmpty();
        WebElement days = parts.stream().filter(r -> r.getText().contains("estimatedProcessingDays")).findFirst().orElseThrow();
        assertThat(days.findElements(By.tagName("td")).get(1).getText()).isEqualTo("30");
        assertThat(days.findElements(By.tagName("td")).get(2).getText()).isEqualTo("32");
        assertThat(days.findElement(By.cssSelector("td a")).getAttribute("href"))
                .endsWith("/rulesets/" + failing + "/tables/routes#Routes-21");
        assertThat(Browser.findAll("ul.findings.errors li")).isNotEmpty();
        assertThat(Browser.findAll("form[action$='/approvals'], form[action$='/activate']")).isEmpty(); // not valid
        assertThat(find("table.examples").getText()).as("the impact: a past decision that changes")
                .contains("estimatedProcessingDays", "30", "32");
        Browser.screenshot("report");
        accessibleInBothLanguages();

        // accept the new outcomes: a new, valid draft whose rewritten expectations the report lists
        find("form[action$='/accepted-outcomes'] button").click();
        Browser.waitUntil(b -> Browser.path().matches("/rulesets/\\d+") && !Browser.path().endsWith("/" + failing));
        String accepted = Browser.path().substring("/rulesets/".length());
        assertThat(Browser.findAll("ul.findings.errors li")).isEmpty();
        assertThat(find("main").getText()).contains("32");
        assertThat(Browser.findAll("form[action$='/approvals']")).as("four eyes: not the uploader").isEmpty();
        assertThat(Browser.findAll("form[action$='/activate']")).as("not before approval").isEmpty();
        assertThat(find(".actions-panel").getText()).contains(first);

        // the diff against its base: the changed cell old → new, and the rewritten scenarios
        find("a[href$='/diff?against=" + original + "']").click();
        Browser.waitUntil(b -> Browser.path().contains("/diff"));
        List<WebElement> changed = Browser.findAll("table.diff tbody tr");
        WebElement cell = changed.stream().filter(r -> r.getText().contains("21")).findFirst().orElseThrow();
        assertThat(cell.findElement(By.cssSelector("del")).getText()).isEqualTo("30");
        assertThat(cell.findElement(By.cssSelector("ins")).getText()).isEqualTo("32");
        assertThat(Browser.findAll("p.identical")).isEmpty();
        assertThat(Browser.findAll("#scenarios-heading")).hasSize(1);
        Browser.screenshot("diff");
        accessibleInBothLanguages();

        // the table view: the row the diff links to, by its anchor
        find("table.diff tbody tr th a[href$='#Routes-21']").click();
        Browser.waitUntil(b -> Browser.path().endsWith("/tables/routes"));
        assertThat(find("tr#Routes-21").getText()).contains("32", "FAST_TRACK_ACQUISITION");
        accessibleInBothLanguages();

        // a second officer approves; the first activates
        signIn(second);
        open("/rulesets/" + accepted);
        assertThat(Browser.findAll("form[action$='/activate']")).isEmpty();
        find("form[action$='/approvals'] button").click();
        Browser.waitUntil(b -> !Browser.findAll("p.notice[role=status]").isEmpty());
        assertThat(api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets/" + accepted).json().get("approvedBy").asString())
                .isEqualTo(second);
        try {
            signIn(first);
            open("/rulesets/" + accepted);
            find("form[action$='/activate'] button").click();
            Browser.waitUntil(b -> !Browser.findAll("p.notice[role=status]").isEmpty());
            assertThat(drafts.active().get("id").asString()).isEqualTo(accepted);

            // the active version's table view counts how often each row decided in the last 30 days
            JsonNode assessed = api.as(Role.REQUESTER).post("/api/v1/assessments", example.get("request")).json();
            assertThat(assessed.get("estimatedProcessingDays").asInt()).isEqualTo(32);
            open("/rulesets/" + accepted + "/tables/routes");
            List<WebElement> row = find("tr#Routes-21").findElements(By.cssSelector("td.number"));
            assertThat(row).hasSize(1);
            assertThat(Long.parseLong(row.get(0).getText())).isPositive();
            Browser.screenshot("table-view");

            // roll back: the earlier version activated again from its report
            open("/rulesets/" + original);
            find("form[action='/rulesets/" + original + "/activate'] button").click();
            Browser.waitUntil(b -> !Browser.findAll("p.notice[role=status]").isEmpty());
            assertThat(drafts.active().get("id").asString()).isEqualTo(original);
        } finally {
            if (!drafts.active().get("id").asString().equals(original)) {
                assertThat(drafts.officer().post("/api/v1/rulesets/" + original + "/activate", "").status()).isEqualTo(200);
            }
        }

        // a reviewer reads the same pages, without a form to act
        String reviewer = TestAccounts.username(Role.REVIEWER);
        signIn(reviewer);
        open("/rulesets");
        assertThat(Browser.findAll("form.upload")).isEmpty();
        open("/rulesets/" + accepted);
        assertThat(Browser.findAll("main form[method=post]")).isEmpty();
        accessibleInBothLanguages();
        open("/rulesets/" + accepted + "/diff?against=" + original);
        assertThat(Browser.findAll("table.diff ins")).as(where()).isNotEmpty();
    }

    @Test
    void aDraftIdenticalToItsBaseSaysSoAndAnUploadWithoutATableIsRefusedAtItsField() {
        Drafts drafts = new Drafts(api);
        String original = drafts.active().get("id").asString();
        String officer = officer("carl");
        Browser.open(base() + "/login");
        signIn(officer);
        open("/rulesets/" + original + "/diff?against=" + original + "&lang=da");

        assertThat(Browser.findAll("p.identical")).as(where()).hasSize(1);
        assertThat(Browser.findAll("table.diff")).isEmpty();

        long versions = api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets").json().get("total").asLong();
        open("/rulesets");
        assertThat(Browser.findAll("form.upload")).as(where()).isNotEmpty();
        find("form.upload button[type=submit]").click();
        Browser.waitUntil(b -> !Browser.findAll(".error-summary").isEmpty());
        assertThat(find(".error-summary a").getAttribute("href")).endsWith("#table");
        assertThat(find("#table-error").getText()).isEqualTo("Vælg mindst én tabel eller scenariefil.");
        assertThat(find("#table").getAttribute("aria-describedby")).contains("table-error");
        assertThat(api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets").json().get("total").asLong()).isEqualTo(versions);
    }

    @Test
    void onlyAPolicyOfficerMayPostTheForms() {
        Drafts drafts = new Drafts(api);
        String original = drafts.active().get("id").asString();
        for (Role role : List.of(Role.REVIEWER, Role.ADMIN)) {
            PageSession session = new PageSession(port);
            String username = TestAccounts.username(role);
            session.signIn(username, TestAccounts.password(username));
            assertThat(session.get("/rulesets/" + original).statusCode()).as(role + " reads").isEqualTo(200);
            String token = session.csrf("/rulesets/" + original);
            for (String action : List.of("/activate", "/approvals", "/withdraw", "/accepted-outcomes")) {
                HttpResponse<String> refused = session.post("/rulesets/" + original + action, Map.of("_csrf", token));
                assertThat(refused.statusCode()).as(role + " " + action).isEqualTo(403);
            }
        }
        assertThat(drafts.active().get("id").asString()).isEqualTo(original);
    }

    /** What the service refuses, the report page says in the page's language, never as the API's English detail. */
    @Test
    void aRefusedActionIsExplainedInThePagesLanguage() {
        Drafts drafts = new Drafts(api);
        String active = drafts.active().get("id").asString();
        String officer = officer("cecilie");
        PageSession session = new PageSession(port);
        session.signIn(officer, TestAccounts.password(officer));
        for (String lang : List.of("da", "en")) {
            String token = session.csrf("/rulesets/" + active + "?lang=" + lang);
            HttpResponse<String> refused = session.post("/rulesets/" + active + "/activate", Map.of("_csrf", token));
            assertThat(refused.statusCode()).isEqualTo(302);
            String report = session.get("/rulesets/" + active).body();
            assertThat(report).contains("da".equals(lang) ? "Version " + active + " er allerede den gældende."
                    : "Version " + active + " is already the active one.").doesNotContain("is already active.");
        }
        assertThat(drafts.active().get("id").asString()).isEqualTo(active);
    }

    /**
     * Opens {@code path} and waits until the browser shows it, loaded: under load {@code Browser.open} was seen to
     * return while the page before was still shown.
     */
    private void open(String path) {
        Browser.open(base() + path);
        String expected = path.replaceFirst("#.*", "");
        Browser.waitUntil(b -> Browser.path().equals(expected)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript("return document.readyState"))
                && !Browser.findAll("main").isEmpty());
    }

    /** The element at {@code css} on the page open now; when there is none, a failure saying where the browser is. */
    private static WebElement find(String css) {
        try {
            return Browser.waitUntil(b -> Browser.findAll(css).stream().findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(css + " on " + where(), e);
        }
    }

    /** Where the browser is, for a failing assertion: the path, the heading and who is signed in. */
    private static String where() {
        Browser.screenshot("rulesets-where");
        return Browser.path() + ", h1 " + Browser.findAll("h1").stream().map(WebElement::getText).toList() + ", "
                + Browser.findAll(".signed-in").stream().map(WebElement::getText).toList();
    }

    /** Signs in with the login form and waits until a page says who is signed in. */
    private static void signIn(String username) {
        Browser.signIn(username, TestAccounts.password(username));
        Browser.waitUntil(b -> Browser.findAll(".signed-in").stream().anyMatch(e -> e.getText().contains(username)));
    }

    /** Runs axe on the page open now in English and in Danish (ending in Danish). */
    private void accessibleInBothLanguages() {
        String path = Browser.path().replaceAll("[?&]lang=(da|en)", "");
        String join = path.contains("?") ? "&" : "?";
        open(path + join + "lang=en");
        assertThat(Browser.lang()).isEqualTo("en");
        Browser.assertAccessible();
        open(path + join + "lang=da");
        assertThat(Browser.lang()).isEqualTo("da");
        Browser.assertAccessible();
    }

    /** A new policy officer with a unique name (four eyes need two). */
    private String officer(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/users", Map.of("username", username, "email", username + "@test.example.dk",
                "password", TestAccounts.password(username), "roles", List.of("POLICY_OFFICER")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return username;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
