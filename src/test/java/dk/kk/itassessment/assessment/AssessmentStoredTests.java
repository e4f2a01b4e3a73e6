package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.StoredEvents;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seam to the modules that react to a stored assessment: its case number, and {@link AssessmentStored} published
 * in the transaction that stores it.
 */
@IntegrationTest
class AssessmentStoredTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoredEvents events;

    @Autowired
    AssessmentService service;

    @Test
    void aStoredAssessmentCarriesANewCaseNumberRightAfterItsId() {
        String year = Year.now(ZoneId.of("Europe/Copenhagen")).toString();
        Api.Response first = api.post("/api/v1/assessments", Examples.request());
        Api.Response second = api.post("/api/v1/assessments", Examples.request());

        assertThat(first.status()).isEqualTo(201);
        String one = first.json().get("caseNumber").asString();
        String two = second.json().get("caseNumber").asString();
        assertThat(one).matches("BUF-" + year + "-[0-9]{5}");
        assertThat(two).matches("BUF-" + year + "-[0-9]{5}");
        assertThat(Integer.parseInt(two.substring(9))).as("a sequence: the later one higher")
                .isGreaterThan(Integer.parseInt(one.substring(9)));
        assertThat(first.text()).startsWith("{\"id\":\"" + first.json().get("id").asString() + "\",\"caseNumber\":\""
                + one + "\",\"assessedAt\":");
        String id = first.json().get("id").asString();
        assertThat(jdbc.sql("select case_number from assessments where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).as("stored with the assessment").isEqualTo(one);
        assertThat(api.get("/api/v1/assessments/" + id).json().get("caseNumber").asString()).isEqualTo(one);
        JsonNode listed = api.get("/api/v1/assessments?size=100").json().get("items");
        assertThat(listed.values()).filteredOn(item -> item.get("id").asString().equals(id))
                .singleElement().satisfies(item -> assertThat(item.get("caseNumber").asString()).isEqualTo(one));
    }

    @Test
    void aPreviewHasNoCaseNumberAndPublishesNothing() {
        int before = events.all().size();
        Api.Response preview = api.post("/api/v1/assessments/preview", Examples.request());

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().has("caseNumber")).isTrue();
        assertThat(preview.json().get("caseNumber").isNull()).isTrue();
        assertThat(events.all()).hasSize(before);
    }

    @Test
    void theEventIsPublishedOnceInTheStoringTransactionWithWhatACaseNeeds() {
        String key = "event-" + UUID.randomUUID();
        Api.Response created = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
        Api.Response repeated = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));

        assertThat(created.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(200);
        UUID id = UUID.fromString(created.json().get("id").asString());
        List<StoredEvents.Seen> seen = events.of(id);
        assertThat(seen).as("once, not again for the repeat").hasSize(1);
        StoredEvents.Seen one = seen.get(0);
        assertThat(one.rowVisible()).as("the listener sees the row it is told of: it runs in the storing transaction")
                .isTrue();
        AssessmentStored event = one.event();
        assertThat(event.caseNumber()).isEqualTo(created.json().get("caseNumber").asString());
        assertThat(event.storedAt().toString()).isEqualTo(created.json().get("assessedAt").asString());
        assertThat(event.submitter()).isEqualTo(dk.kk.itassessment.support.TestAccounts.username(
                dk.kk.itassessment.access.Role.ADMIN));
        assertThat(event.request().solution().name()).isEqualTo(Examples.request().get("solution").get("name").asString());
        assertThat(event.evaluation().route()).isEqualTo(created.json().get("route").asString());
        assertThat(event.evaluation().checklist()).hasSize(created.json().get("checklist").size());
    }

    @Test
    void aListenerThatThrowsRollsTheAssessmentBack() {
        ObjectNode refused = (ObjectNode) Examples.request().deepCopy();
        ((ObjectNode) refused.get("solution")).put("name", StoredEvents.REFUSED);
        long before = stored(StoredEvents.REFUSED);
        int seen = events.all().size();

        Api.Response response = api.post("/api/v1/assessments", refused);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("test listener");
        assertThat(events.all()).as("the listener ran").hasSizeGreaterThan(seen);
        UUID attempted = events.all().get(events.all().size() - 1).event().assessmentId();
        assertThat(stored(StoredEvents.REFUSED)).as("nothing stored").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entries where target = :t").param("t", "assessment/" + attempted)
                .query(Long.class).single()).as("nor its audit entry").isZero();
        assertThat(api.post("/api/v1/assessments", Examples.request()).status()).as("the next is stored")
                .isEqualTo(201);
    }

    @Test
    void decidingAgainEvaluatesTheStoredRequestAndStoresNothing() {
        Api.Response created = api.post("/api/v1/assessments", Examples.request());
        long before = jdbc.sql("select count(*) from assessments").query(Long.class).single();

        var again = service.decideAgain(UUID.fromString(created.json().get("id").asString()));

        assertThat(again.route()).isEqualTo(created.json().get("route").asString());
        assertThat(again.rulesetFingerprint()).isEqualTo(created.json().get("ruleset").get("fingerprint").asString());
        assertThat(jdbc.sql("select count(*) from assessments").query(Long.class).single()).isEqualTo(before);
        assertThatThrownBy(() -> service.decideAgain(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }

    private long stored(String solutionName) {
        return jdbc.sql("select count(*) from assessments where request->'solution'->>'name' = :name")
                .param("name", solutionName).query(Long.class).single();
    }
}
