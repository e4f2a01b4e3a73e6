package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code If-Match} on every change of a case: each one honours it when sent — a stale version is 412 and changes
 * nothing (neither the case, nor its history, nor a comment) — and answers the new version as its {@code ETag}.
 * It is required (428 without) only where CONTRACT.md requires it, items and the decision (tested in
 * {@link CaseApiTests}); comments, assignee, withdraw and reassess go through without one, as other teams' clients
 * were written to the contract.
 */
@IntegrationTest
class CaseVersionTests {

    @Autowired
    Api api;

    @Test
    void aCommentHonoursIfMatch() {
        everyChangeHonoursIfMatch("comments", "POST", Map.of("text", "Hej", "internal", false), 201);
    }

    @Test
    void theAssigneeHonoursIfMatch() {
        everyChangeHonoursIfMatch("assignee", "PUT", Map.of("username", "test-reviewer"), 200);
    }

    @Test
    void aWithdrawalHonoursIfMatch() {
        everyChangeHonoursIfMatch("withdraw", "POST", Map.of("note", "Ikke alligevel"), 200);
    }

    @Test
    void aReassessmentHonoursIfMatch() {
        everyChangeHonoursIfMatch("reassess", "POST", null, 200);
    }

    @Test
    void itemsAndTheDecisionRequireIt() {
        CaseApi cases = new CaseApi(api);
        String number = cases.open(CaseApi.request(CaseApi.unique("Version required")));
        Api.Response item = CaseApi.item(cases.reviewer(), number, "REGISTER_IN_FISKK", "DONE", null, null);
        assertThat(item.status()).isEqualTo(428);
        assertThat(item.json().get("detail").asString()).contains("If-Match: \"1\"");
        Map<String, Object> refusal = new LinkedHashMap<>();
        refusal.put("decision", "REFUSED");
        refusal.put("note", "Nej");
        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/decision", refusal).status()).isEqualTo(428);
        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/decision", refusal, Map.of("If-Match", "\"9\""))
                .status()).isEqualTo(412);
        Api.Response decided = cases.reviewer().post("/api/v1/cases/" + number + "/decision", refusal,
                Map.of("If-Match", "\"1\""));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.header("ETag")).isEqualTo("\"2\"");
    }

    private void everyChangeHonoursIfMatch(String operation, String method, Object body, int success) {
        CaseApi cases = new CaseApi(api);
        String number = cases.open(CaseApi.request(CaseApi.unique("If-Match " + operation)));
        cases.done(number, "CONTACT_DIGITALISATION_OFFICE"); // version 2
        String path = "/api/v1/cases/" + number + "/" + operation;
        byte[] bytes = body == null ? new byte[0] : Api.bytes(body);
        String history = cases.reviewer().get(path.replace(operation, "history")).text();

        Api.Response stale = cases.reviewer().send(path, method, "application/json", bytes, Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).as(stale.text()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains("version 2");
        JsonNode unchanged = cases.get(number);
        assertThat(unchanged.get("version").asLong()).isEqualTo(2);
        assertThat(unchanged.get("comments")).isEmpty();
        assertThat(unchanged.get("status").asString()).isEqualTo("OPEN");
        assertThat(unchanged.get("assignee").isNull()).isTrue();
        assertThat(cases.reviewer().get(path.replace(operation, "history")).text()).as("no history").isEqualTo(history);

        Api.Response current = cases.reviewer().send(path, method, "application/json", bytes,
                Map.of("If-Match", "\"2\""));
        assertThat(current.status()).as(current.text()).isEqualTo(success);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
        assertThat(current.json().get("version").asLong()).isEqualTo(3);
        assertThat(cases.reviewer().get("/api/v1/cases/" + number).header("ETag")).isEqualTo("\"3\"");

        if (!operation.equals("withdraw")) {
            Api.Response without = cases.reviewer().send(path, method, "application/json", bytes, Map.of());
            assertThat(without.status()).as("not required: " + without.text()).isEqualTo(success);
            assertThat(without.header("ETag")).isEqualTo("\"4\"");
        }
    }
}
