package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Officers add golden scenarios with their upload; every draft must pass all of them, theirs included. */
@IntegrationTest
class ScenarioUploadTests {

    private static final Path FAST_TRACK = Path.of("decision-tables/scenarios/routes-row-21-known-supplier-fast-track.json");

    @Autowired
    Api api;

    @Test
    void anUploadedScenarioIsRunAndAWrongOneMakesTheDraftInvalid() throws Exception {
        Drafts drafts = new Drafts(api);
        String active = drafts.active().get("id").asString();
        byte[] checklist = Drafts.edit(drafts.table(active, "checklist"), Map.of("Checklist!P13", "Buy nothing before permission"));
        ObjectNode scenario = (ObjectNode) Api.json().readTree(Files.readString(FAST_TRACK));
        scenario.put("story", "An officer's own scenario: an active agreement, a system it does not cover");

        Api.Response right = Drafts.upload(drafts.officer(), active, "with a scenario", Map.of(
                "table", Map.of("checklist.drl.xlsx", checklist),
                "scenario", Map.of("officers-fast-track.json", scenario.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(right.status()).as(right.text()).isEqualTo(201);
        JsonNode valid = right.json();
        assertThat(valid.get("valid").asBoolean()).as(valid.get("report").toString()).isTrue();
        int shipped = drafts.officer().get("/api/v1/rulesets/" + active).json().get("report").get("scenarios").get("passed").asInt();
        assertThat(valid.get("report").get("scenarios").get("passed").asInt()).isEqualTo(shipped + 1);

        ((ObjectNode) scenario.get("expected")).put("route", "FULL_ACQUISITION");
        Api.Response wrong = Drafts.upload(drafts.officer(), active, "with a wrong scenario", Map.of(
                "table", Map.of("checklist.drl.xlsx", checklist),
                "scenario", Map.of("officers-wrong.json", scenario.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(wrong.status()).as(wrong.text()).isEqualTo(201);
        JsonNode invalid = wrong.json();
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        JsonNode scenarios = invalid.get("report").get("scenarios");
        assertThat(scenarios.get("failed").asInt()).isEqualTo(1);
        assertThat(scenarios.get("failures").get(0).get("file").asString()).isEqualTo("decision-tables/scenarios/officers-wrong.json");
        assertThat(scenarios.get("failures").get(0).toString()).contains("route").contains("FAST_TRACK_ACQUISITION");
        assertThat(new Drafts(api).secondOfficer().post("/api/v1/rulesets/" + invalid.get("id").asString() + "/approvals", "")
                .status()).isEqualTo(409);
    }

    @Test
    void aScenarioFileNameMustBeSimple() {
        Api.Response refused = Drafts.upload(new Drafts(api).officer(), null, null,
                Map.of("scenario", Map.of("../../rules/evil.json", "{}".getBytes(StandardCharsets.UTF_8))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("scenario");
    }
}
