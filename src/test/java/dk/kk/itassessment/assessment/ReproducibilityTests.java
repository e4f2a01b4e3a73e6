package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is stored with a decision is enough to make it again: the request as received and the look-ups (with their
 * date) evaluated by the rule set with the stored fingerprint give the same decision — even after the registry
 * changed.
 */
@IntegrationTest
class ReproducibilityTests {

    @Autowired
    Api api;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestReader reader;

    @Autowired
    PolicyEngine policy;

    @Autowired
    JsonMapper json;

    @Test
    void aStoredDecisionIsMadeAgainFromWhatWasStored() {
        JsonNode example = Examples.load("05-already-permitted-not-connected");
        registry.clear();
        registry.load(example.get("registry"));
        JsonNode answer = api.post("/api/v1/assessments", example.get("request")).json();
        registry.clear(); // the registry changes afterwards; the stored look-ups do not

        var stored = jdbc.sql("select request::text, lookups::text, ruleset_fingerprint from assessments where id = :id")
                .param("id", UUID.fromString(answer.get("id").asString()))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        RecordedMatches lookups = json.readValue(stored[1], RecordedMatches.class);
        assertThat(stored[2]).isEqualTo(policy.ruleSet().fingerprint());

        Evaluation again = policy.evaluate(PolicyFacts.acquisition(reader.read(json.readTree(stored[0]))), lookups.facts());

        assertThat(again.route()).isEqualTo(answer.get("route").asString()).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(again.estimatedProcessingDays()).isEqualTo(answer.get("estimatedProcessingDays").asInt());
        assertThat((JsonNode) json.valueToTree(again.checklist())).isEqualTo(answer.get("checklist"));
        assertThat((JsonNode) json.valueToTree(again.warnings())).isEqualTo(answer.get("warnings"));
        assertThat((JsonNode) json.valueToTree(again.explanation())).isEqualTo(answer.get("explanation"));
    }
}
