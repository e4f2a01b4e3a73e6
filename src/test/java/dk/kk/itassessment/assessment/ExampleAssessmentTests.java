package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each of ../shared/examples through the HTTP API, with the registry set up from the example's registry part. */
@IntegrationTest
class ExampleAssessmentTests {

    @Autowired
    Api api;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcClient jdbc;

    static java.util.stream.Stream<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleGetsTheDecisionThePolicyGivesIt(String name) {
        JsonNode example = Examples.load(name);
        JsonNode expected = example.get("expected");
        registry.clear();
        registry.load(example.get("registry"));

        Api.Response response = api.post("/api/v1/assessments", example.get("request"));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/assessments/" + body.get("id").asString());
        for (String field : new String[] {"route", "newAcquisitionRequired", "securityReview", "riskTier",
                "dpiaRequired", "estimatedProcessingDays", "lookups"}) {
            assertThat(body.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(codes(body.get("warnings"))).as("warnings").isEqualTo(strings(expected.get("warnings")));
        assertThat(codes(body.get("checklist"))).as("checklist").isEqualTo(strings(expected.get("checklist")));
        assertThat(body.get("checklist").size()).as("no checklist code twice").isEqualTo(codes(body.get("checklist")).size());
        Set<String> alternatives = new HashSet<>();
        body.get("alternatives").values().forEach(a -> alternatives.add(a.get("name").asString()));
        assertThat(alternatives).as("alternatives").isEqualTo(strings(expected.get("alternatives")));
        Map<String, String> responsible = new HashMap<>();
        body.get("checklist").values().forEach(i -> responsible.put(i.get("code").asString(), i.get("responsible").asString()));
        expected.get("checklistResponsible").properties().forEach(e ->
                assertThat(responsible.get(e.getKey())).as("responsible for " + e.getKey()).isEqualTo(e.getValue().asString()));
        assertThat(body.get("request")).as("the request as received").isEqualTo(example.get("request"));

        Api.Response stored = api.get("/api/v1/assessments/" + body.get("id").asString());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).as("read back equal").isEqualTo(body);
        assertThat(stored.text()).as("read back byte for byte, put together from its parts").isEqualTo(response.text());
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("^\\{\"id\":\"[^\"]+\",\"caseNumber\":\"BUF-[0-9]{4}-[0-9]{5}\",\"assessedAt\":\"[^\"]+\"")
                .matcher(response.text());
        assertThat(stamp.find()).isTrue();
        assertThat(api.post("/api/v1/assessments/preview", example.get("request")).text()
                .replaceFirst("^\\{\"id\":null,\"caseNumber\":null,\"assessedAt\":null", java.util.regex.Matcher.quoteReplacement(stamp.group())))
                .as("the answer as one serialisation of the whole writes it").isEqualTo(response.text());
        assertThat(jdbc.sql("select decision = assessment_decision(v.answer::jsonb) from assessments a "
                        + "join assessment_answers v on v.id = a.id where a.id = :id")
                .param("id", java.util.UUID.fromString(body.get("id").asString())).query(Boolean.class).single())
                .as("the decision column the service wrote is the one V13's function makes of the answer").isTrue();
    }

    static Set<String> codes(JsonNode items) {
        Set<String> codes = new HashSet<>();
        items.values().forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }
}
