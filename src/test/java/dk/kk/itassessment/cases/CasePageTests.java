package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import dk.kk.itassessment.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case pages in a real browser: a reviewer finds a case in the queue, works its checklist and grants it, and
 * the next request for the same app is told to use the existing permission; a requester sees their own case without
 * the internal comments and not another's; a form sent against a stale version changes nothing and keeps what was
 * typed; axe-core on the queue and the case page in Danish and English.
 */
@IntegrationTest
class CasePageTests {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    CaseApi cases() {
        return new CaseApi(api);
    }

    /** An account of the test's own, with a password; its user name. */
    String account(String prefix, Role role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        cases().account(username, username + "@example.dk", role);
        return username;
    }

    static String password(String username) {
        return "test-only-password-of-" + username;
    }

    @Test
    void aReviewerWorksACaseFromTheQueueAndGrantsItAndTheNextPreviewUsesThePermission() throws Exception {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Page granted");
        ObjectNode request = CaseApi.withPersonalData(CaseApi.request(solution));
        String number = cases.open(request);
        String reviewer = account("reviewer", Role.REVIEWER);
        Api.Response assigned = api.as(Role.REVIEWER).put("/api/v1/cases/" + number + "/assignee",
                Map.of("username", reviewer));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

        Browser.open(base() + "/?lang=da");
        Browser.signIn(reviewer, password(reviewer));
        Browser.open(base() + "/cases");
        assertThat(Browser.heading()).isEqualTo("Sager");
        Browser.assertAccessible();
        Browser.find("#filter-assignee").sendKeys(reviewer);
        Browser.find("#filter-status option[value=OPEN]").click();
        Browser.find("form.filters button[type=submit]").click();
        Browser.waitUntil(b -> Browser.path().contains("assignee=" + reviewer));
        List<WebElement> rows = Browser.findAll("table.data tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(number).contains(solution).contains("Fuld it-anskaffelse")
                .contains("Åben").doesNotContain("FULL_ACQUISITION");
        Browser.open(base() + "/cases?lang=en&assignee=" + reviewer);
        assertThat(Browser.heading()).isEqualTo("Cases");
        Browser.assertAccessible();

        Browser.find("table.data tbody a").click();
        Browser.waitUntil(b -> Browser.path().equals("/cases/" + number));
        Browser.assertAccessible();
        Browser.open(base() + "/cases/" + number + "?lang=da");
        assertThat(Browser.heading()).contains(number).contains(solution);
        assertThat(Browser.find("#explanation").getText()).contains("routes");
        WebElement row = Browser.find("#explanation a.source-link");
        assertThat(row.getAttribute("href")).matches(".*/rulesets/[^/]+/tables/routes#Routes-\\d+");

        for (String code : CaseApi.codes(cases.get(number), true)) {
            WebElement done = Browser.find("#item-" + code + " button[value=DONE]");
            done.click();
            Browser.waitUntilGone(done);
            assertThat(Browser.find("#flash").getText()).isEqualTo("Punktet er gemt.");
            assertThat(Browser.find("#item-" + code).getText()).contains("Udført");
        }
        assertThat(Browser.find("#phase-ASSESSMENT").getText()).isNotBlank();
        Browser.assertAccessible();

        Browser.find("#decision-granted").click();
        ((JavascriptExecutor) Browser.driver()).executeScript("arguments[0].value = '2029-12-31'",
                Browser.find("#decision-permissionValidUntil"));
        Browser.find("#decision-note").sendKeys("Godkendt i browseren");
        WebElement decide = Browser.find("#decide-submit");
        decide.click();
        Browser.waitUntilGone(decide);
        assertThat(Browser.find("#flash").getText()).isEqualTo("Afgørelsen er gemt.");
        assertThat(Browser.find("#status").getText()).isEqualTo("Tilladelse givet");
        assertThat(Browser.find("#outcome").getText()).contains("31. december 2029").contains(reviewer);
        assertThat(Browser.findAll("#decide")).isEmpty();
        assertThat(Browser.findAll("#item-" + CaseApi.codes(cases.get(number), true).get(0) + " button")).isEmpty();
        assertThat(Browser.find("#history").getText()).contains("Tilladelse givet").contains("Godkendt i browseren");
        Path shot = Browser.screenshot("case");
        Files.createDirectories(Path.of("docs", "screenshots"));
        Files.copy(shot, Path.of("docs", "screenshots", "case.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(cases.get(number).get("status").asString()).isEqualTo("GRANTED");

        Api.Response preview = api.as(Role.REQUESTER).post("/api/v1/assessments/preview", request);
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("route").asString()).isEqualTo("USE_EXISTING_PERMISSION");

        String requester = TestAccounts.username(Role.REQUESTER);
        Browser.signIn(requester, TestAccounts.password(requester));
        Browser.open(base() + "/intake?" + query(request));
        WebElement update = Browser.find("button[name=action][value=preview]");
        update.click();
        Browser.waitUntilGone(update);
        assertThat(Browser.find("#preview-content").getAttribute("data-route")).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(Browser.find("#preview-content").getText()).contains("Brug den eksisterende tilladelse");
    }

    /** The request as the intake form's query parameters (its JSON paths; a list repeats its name). */
    static String query(JsonNode request) {
        List<String> parameters = new java.util.ArrayList<>();
        flatten("", request, parameters);
        return String.join("&", parameters);
    }

    private static void flatten(String path, JsonNode node, List<String> parameters) {
        if (node.isObject()) {
            node.propertyNames().forEach(name -> flatten(path.isEmpty() ? name : path + "." + name, node.get(name),
                    parameters));
        } else if (node.isArray()) {
            node.forEach(value -> flatten(path, value, parameters));
        } else if (!node.isNull()) {
            parameters.add(path + "=" + java.net.URLEncoder.encode(node.asString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRequesterSeesTheirOwnCaseWithoutInternalCommentsAndNotAnothersCase() {
        CaseApi cases = cases();
        String requester = account("requester", Role.REQUESTER);
        Api mine = api.as(requester, password(requester));
        String own = CaseApi.assess(mine, CaseApi.request(CaseApi.unique("Own case"))).get("caseNumber").asString();
        String other = cases.open(CaseApi.request(CaseApi.unique("Someone else's")));
        String version = CaseApi.etag(cases.get(own));
        assertThat(cases.reviewer().post("/api/v1/cases/" + own + "/comments",
                Map.of("text", "Secret internal remark", "internal", true), Map.of("If-Match", version)).status())
                .isEqualTo(201);
        assertThat(cases.reviewer().post("/api/v1/cases/" + own + "/comments",
                Map.of("text", "Please send the price", "internal", false)).status()).isEqualTo(201);

        jdbc.sql("update cases set due_date = current_date - 3, version = version + 1 where number = ?").param(own).update();

        Browser.open(base() + "/?lang=da");
        Browser.signIn(requester, password(requester));
        Browser.open(base() + "/cases");
        assertThat(Browser.heading()).isEqualTo("Mine sager");
        assertThat(Browser.findAll("table.data tbody tr")).hasSize(1);
        assertThat(Browser.find("table.data tbody tr .badge-overdue").getText()).isEqualTo("Fristen er overskredet");
        Browser.assertAccessible();
        assertThat(Browser.findAll("form.filters")).isEmpty();
        Browser.find("table.data tbody a").click();
        Browser.waitUntil(b -> Browser.path().equals("/cases/" + own));
        String page = Browser.find("main").getText();
        assertThat(page).contains("Please send the price").doesNotContain("Secret internal remark")
                .doesNotContain("Intern");
        assertThat(Browser.findAll("#decide")).isEmpty();
        assertThat(Browser.findAll("#comment-text")).isEmpty();
        assertThat(Browser.findAll("#item-SUBMIT_ACQUISITION_FORM button[value=DONE]")).hasSize(1);
        assertThat(Browser.findAll("button[value=RETURNED]")).as("only reviewers return items").isEmpty();
        assertThat(Browser.findAll("#explanation a.source-link")).as("the tables are the officers'").isEmpty();
        Browser.assertAccessible();

        assertThat(Browser.find("#subscription").getText()).contains("Du får ikke e-mail om sagen");
        WebElement subscribe = Browser.find("#subscription-submit");
        assertThat(subscribe.getText()).isEqualTo("Få besked på e-mail");
        subscribe.click();
        Browser.waitUntilGone(subscribe);
        assertThat(Browser.find("#flash").getText()).isEqualTo("Du får nu besked på e-mail, når sagen ændres.");
        assertThat(Browser.find("#subscription-submit").getText()).isEqualTo("Stop beskeder");
        Api.Response subscribers = cases.reviewer().get("/api/v1/cases/" + own + "/subscribers");
        assertThat(subscribers.text()).contains(requester + "@example.dk");

        Browser.open(base() + "/cases/" + other);
        assertThat(Browser.heading()).isEqualTo("Siden findes ikke");
        assertThat(Browser.find("main").getText()).doesNotContain(other);
        PageSession session = new PageSession(port);
        session.signIn(requester, password(requester));
        assertThat(session.get("/cases/" + other).statusCode()).isEqualTo(404);
        assertThat(session.get("/cases/" + own + "/case-file.pdf").headers().firstValue("Content-Type"))
                .hasValue("application/pdf");
        assertThat(session.get("/cases/" + other + "/case-file.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormSentAgainstAStaleVersionChangesNothingAndKeepsWhatWasTyped() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Stale page")));
        String reviewer = account("reviewer", Role.REVIEWER);
        Browser.open(base() + "/?lang=da");
        Browser.signIn(reviewer, password(reviewer));
        Browser.open(base() + "/cases/" + number);
        List<String> codes = CaseApi.codes(cases.get(number), true);
        String code = codes.get(1);
        WebElement withoutNote = Browser.find("#item-" + code + " button[value=NOT_APPLICABLE]");
        withoutNote.click();
        Browser.waitUntilGone(withoutNote);
        assertThat(Browser.find(".error-summary a").getText())
                .isEqualTo("Note: skriv, hvorfor et obligatorisk punkt ikke er relevant");
        assertThat(Browser.find(".error-summary a").getAttribute("href")).endsWith("#item-" + code + "-note");
        assertThat(Browser.find("#item-" + code + "-note-error").getText()).contains("ikke er relevant");
        assertThat(Browser.find("#item-" + code + "-note").getAttribute("aria-describedby"))
                .isEqualTo("item-" + code + "-note-error");
        Browser.assertAccessible();
        assertThat(CaseApi.state(cases.get(number), code)).isEqualTo("OPEN");

        cases.done(number, codes.get(0));
        JsonNode before = cases.get(number);

        Browser.find("#item-" + code + "-note").sendKeys("Checked with the supplier");
        WebElement notApplicable = Browser.find("#item-" + code + " button[value=NOT_APPLICABLE]");
        notApplicable.click();
        Browser.waitUntilGone(notApplicable);
        assertThat(Browser.find("#problem").getText()).startsWith("Sagen er ændret af en anden");
        assertThat(Browser.find("#item-" + code + "-note").getDomProperty("value")).isEqualTo("Checked with the supplier");
        assertThat(Browser.find("#item-" + codes.get(0)).getText()).as("the page as it is now").contains("Udført");
        Browser.assertAccessible();
        JsonNode after = cases.get(number);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(CaseApi.state(after, code)).isEqualTo("OPEN");

        WebElement again = Browser.find("#item-" + code + " button[value=NOT_APPLICABLE]");
        again.click();
        Browser.waitUntilGone(again);
        assertThat(Browser.find("#flash").getText()).isEqualTo("Punktet er gemt.");
        assertThat(CaseApi.state(cases.get(number), code)).isEqualTo("NOT_APPLICABLE");
        assertThat(CaseApi.item(cases.get(number), code).get("note").asString()).isEqualTo("Checked with the supplier");
        assertThat(Browser.findAll("#" + "item-" + code + " .item-note")).extracting(WebElement::getText)
                .containsExactly("Checked with the supplier");
        assertThat(Browser.driver().findElements(By.cssSelector(".error-summary"))).isEmpty();
    }

    /**
     * The banner of a changed policy. How a case comes to be changed is PolicyFollower's (tested with the cases);
     * here the case is marked as PolicyFollower marks it — activating another version would change every open case
     * of the shared test context.
     */
    @Test
    void aChangedPolicyShowsItsDifferencesAndTheReviewerReassesses() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Policy changed")));
        String title = CaseApi.item(cases.get(number), "SUBMIT_ACQUISITION_FORM").get("title").get("da").asString();
        jdbc.sql("update cases set policy_changed = true, version = version + 1 where number = ?").param(number).update();
        jdbc.sql("insert into case_events (case_number, at, actor, event, details) values (?, now(), 'system', "
                        + "'POLICY_CHANGED', cast(? as jsonb))")
                .params(number, "{\"rulesetVersion\": \"1\", \"differences\": [\"route FULL_ACQUISITION → "
                        + "FAST_TRACK_ACQUISITION\", \"item dropped SUBMIT_ACQUISITION_FORM\"]}")
                .update();
        String reviewer = account("reviewer", Role.REVIEWER);
        Browser.open(base() + "/?lang=da");
        Browser.signIn(reviewer, password(reviewer));
        Browser.open(base() + "/cases/" + number);
        assertThat(Browser.find("#policy-changed").getText()).contains("Regelsættet er ændret")
                .contains("Rute: Fuld it-anskaffelse → Hurtig anskaffelse")
                .contains("Punktet kræves ikke længere: " + title);
        Browser.assertAccessible();

        WebElement reassess = Browser.find("#reassess");
        reassess.click();
        Browser.waitUntilGone(reassess);
        assertThat(Browser.find("#flash").getText()).isEqualTo("Sagen er vurderet igen efter det aktive regelsæt.");
        assertThat(Browser.findAll("#policy-changed")).isEmpty();
        assertThat(Browser.find("#history").getText()).contains("Vurderet igen efter det aktive regelsæt");
        assertThat(cases.get(number).get("policyChanged").asBoolean()).isFalse();
    }
}
