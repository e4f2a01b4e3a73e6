package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.rulesets.Drafts;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A policy officer's change reaches the open cases (CONTRACT.md "Cases", "When the policy changes"), end to end: the
 * checklist table's row 21 (hardware with software) asks for another item, uploaded as a draft, its failing golden
 * scenarios accepted, approved by a second officer, activated; the open cases it concerns get {@code policyChanged}
 * and a history entry naming the differences, off the request path; {@code reassess} adds the new item OPEN, makes
 * the dropped one NOT_APPLICABLE with a note naming the version and keeps what was DONE.
 *
 * <p>Isolation in the shared context: the change concerns only FULL/FAST acquisitions of hardware with software, which
 * no other test works as a case, and the version found active is activated again at the end (in {@code finally});
 * the follower then tells the open cases it touched that the policy is back (POLICY_UNCHANGED), except these two,
 * which took the new decision.
 */
@IntegrationTest
class CasePolicyChangeTests {

    static final String DROPPED = "DESCRIBE_EMBEDDED_SOFTWARE";
    static final String ADDED = "DESCRIBE_EMBEDDED_SOFTWARE_AND_ITS_DATA";
    private static final Pattern SAME_VERSION = Pattern.compile("exactly those of version (\\d+)");

    @Autowired
    Api api;

    @Test
    void anActivatedChangeMarksTheOpenCasesItConcernsAndReassessingTakesTheNewChecklist() {
        CaseApi cases = new CaseApi(api);
        Drafts drafts = new Drafts(api);
        String original = drafts.active().get("id").asString();

        String kept = cases.open(hardwareWithSoftware());   // its dropped item already DONE
        String dropped = cases.open(hardwareWithSoftware()); // its dropped item still OPEN
        String untouched = cases.open(CaseApi.request(CaseApi.unique("Policy change app"))); // an app: row 21 not its
        assertThat(CaseApi.codes(cases.get(kept), false)).contains(DROPPED).doesNotContain(ADDED);
        cases.done(kept, DROPPED);
        cases.done(kept, "SUBMIT_ACQUISITION_FORM");
        cases.done(dropped, "SUBMIT_ACQUISITION_FORM");

        String activated = null;
        try {
            activated = activateDraft(drafts);

            JsonNode marked = awaitPolicyChanged(cases, kept);
            assertThat(marked.get("version").asLong()).as("the follower's change is a version").isEqualTo(4);
            JsonNode event = last(cases.reviewer().get("/api/v1/cases/" + kept + "/history").json());
            assertThat(event.get("event").asString()).isEqualTo("POLICY_CHANGED");
            assertThat(event.get("actor").asString()).isEqualTo("system");
            assertThat(event.get("details").get("rulesetVersion").asString()).isEqualTo(activated);
            assertThat(event.get("details").get("differences").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("item added " + ADDED, "item dropped " + DROPPED);
            assertThat(awaitPolicyChanged(cases, dropped).get("policyChanged").asBoolean()).isTrue();
            assertThat(cases.requester().get("/api/v1/cases/" + kept).json().get("policyChanged").asBoolean())
                    .as("the requester reads it too").isTrue();

            Api.Response stale = cases.reviewer().post("/api/v1/cases/" + kept + "/reassess", "", Map.of("If-Match", "\"3\""));
            assertThat(stale.status()).isEqualTo(412);
            Api.Response reassessed = cases.reviewer().post("/api/v1/cases/" + kept + "/reassess", "",
                    Map.of("If-Match", CaseApi.etag(marked)));
            assertThat(reassessed.status()).as(reassessed.text()).isEqualTo(200);
            JsonNode after = reassessed.json();
            assertThat(after.get("policyChanged").asBoolean()).isFalse();
            assertThat(reassessed.header("ETag")).isEqualTo("\"5\"");
            assertThat(CaseApi.state(after, ADDED)).isEqualTo("OPEN");
            assertThat(CaseApi.item(after, ADDED).get("title").get("da").asString()).isEqualTo("Beskriv softwaren og dens data");
            assertThat(CaseApi.state(after, DROPPED)).as("DONE stays DONE").isEqualTo("DONE");
            assertThat(CaseApi.state(after, "SUBMIT_ACQUISITION_FORM")).isEqualTo("DONE");
            JsonNode reassessedEvent = last(cases.reviewer().get("/api/v1/cases/" + kept + "/history").json());
            assertThat(reassessedEvent.get("event").asString()).isEqualTo("REASSESSED");
            assertThat(reassessedEvent.get("details").get("added").valueStream().map(JsonNode::asString)).containsExactly(ADDED);
            assertThat(reassessedEvent.get("details").get("notApplicable")).isEmpty();

            JsonNode other = cases.reviewer().post("/api/v1/cases/" + dropped + "/reassess", "").json();
            assertThat(CaseApi.state(other, ADDED)).isEqualTo("OPEN");
            assertThat(CaseApi.state(other, DROPPED)).isEqualTo("NOT_APPLICABLE");
            assertThat(CaseApi.item(other, DROPPED).get("note").asString()).contains("version " + activated);
            assertThat(CaseApi.state(other, "SUBMIT_ACQUISITION_FORM")).isEqualTo("DONE");

            assertThat(cases.get(untouched).get("policyChanged").asBoolean()).as("an app's checklist is the same").isFalse();
            assertThat(CaseApi.events(cases.reviewer().get("/api/v1/cases/" + untouched + "/history")))
                    .containsExactly("OPENED");
        } finally {
            if (activated != null) {
                Api.Response back = drafts.officer().post("/api/v1/rulesets/" + original + "/activate", "");
                assertThat(back.status()).as(back.text()).isEqualTo(200);
            }
        }
    }

    private static ObjectNode hardwareWithSoftware() {
        ObjectNode request = CaseApi.request(CaseApi.unique("Policy change board"));
        ((ObjectNode) request.get("solution")).put("kind", "HARDWARE_WITH_SOFTWARE")
                .put("supplierName", CaseApi.unique("Policy change supplier"));
        return request;
    }

    /**
     * Row 21 asks for another item; the scenarios that pin the old one are accepted (a second draft), approved by
     * the second officer and activated. The version's id.
     */
    private static String activateDraft(Drafts drafts) {
        String active = drafts.active().get("id").asString();
        byte[] checklist = drafts.table(active, "checklist");
        assertThat(Drafts.text(checklist, "Checklist!J21")).isEqualTo(DROPPED);
        Api.Response uploaded = drafts.uploadTable("checklist.drl.xlsx", Drafts.edit(checklist, Map.of(
                "Checklist!J21", ADDED, "Checklist!O21", "Beskriv softwaren og dens data",
                "Checklist!P21", "Describe the software and its data")), "Row 21 asks about the data too");
        JsonNode draft;
        if (uploaded.status() == 409) { // made by an earlier run in this context
            Matcher same = SAME_VERSION.matcher(uploaded.text());
            assertThat(same.find()).as(uploaded.text()).isTrue();
            draft = drafts.officer().get("/api/v1/rulesets/" + same.group(1)).json();
        } else {
            assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
            draft = uploaded.json();
        }
        assertThat(draft.get("report").get("impact").get("changed").asInt()).as(draft.get("report").toString()).isPositive();
        if (!draft.get("valid").asBoolean()) {
            Api.Response accepted = drafts.officer().post("/api/v1/rulesets/" + draft.get("id").asString()
                    + "/accepted-outcomes", "");
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            draft = accepted.json();
            assertThat(draft.get("valid").asBoolean()).as(draft.get("report").toString()).isTrue();
        }
        String id = draft.get("id").asString();
        if (draft.get("approvedBy").isNull()) {
            Api.Response approved = drafts.secondOfficer().post("/api/v1/rulesets/" + id + "/approvals", "");
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        }
        Api.Response activated = drafts.officer().post("/api/v1/rulesets/" + id + "/activate", "");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        return id;
    }

    /** The follower works off the request path: the case as soon as it says so (a minute at most, then it failed). */
    private static JsonNode awaitPolicyChanged(CaseApi cases, String number) {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode c = cases.get(number);
        while (!c.get("policyChanged").asBoolean() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            c = cases.get(number);
        }
        assertThat(c.get("policyChanged").asBoolean()).as("policyChanged within a minute: " + c).isTrue();
        return c;
    }

    private static JsonNode last(JsonNode history) {
        return history.get(history.size() - 1);
    }
}
