package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The assessment endpoints' behaviour beyond the examples: preview, errors that store nothing, reading, listing. */
@IntegrationTest
class AssessmentApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    long stored() {
        return jdbc.sql("select count(*) from assessments").query(Long.class).single();
    }

    ObjectNode request() {
        return (ObjectNode) Examples.request().deepCopy();
    }

    @Test
    void previewAnswersTheDecisionAndStoresNothing() {
        long before = stored();
        Api.Response preview = api.post("/api/v1/assessments/preview", request());

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("id").isNull()).isTrue();
        assertThat(preview.json().get("assessedAt").isNull()).isTrue();
        assertThat(preview.json().get("route").asString()).isEqualTo("FULL_ACQUISITION");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void everyPartOfTheDecisionNamesTheRuleOrRowBehindIt() {
        JsonNode body = api.post("/api/v1/assessments/preview", request()).json();

        assertThat(body.get("warnings").values()).allSatisfy(w -> assertThat(w.get("rule").asString()).isNotBlank());
        assertThat(body.get("checklist").values()).allSatisfy(i -> assertThat(i.get("rule").asString()).isNotBlank());
        assertThat(body.get("explanation").values()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("rule").asString()).isNotBlank();
            assertThat(e.get("source").asString()).matches("(rules/.+\\.drl, line \\d+|decision-tables/.+, sheet \\w+, row \\d+)");
            assertThat(e.get("text").get("da").asString()).isNotBlank();
            assertThat(e.get("text").get("en").asString()).isNotBlank();
        });
        assertThat(body.get("explanation").values()).anySatisfy(e ->
                assertThat(e.get("source").asString()).startsWith("decision-tables/routes.drl.xlsx, sheet Routes, row "));
        assertThat(body.get("ruleset").get("fingerprint").asString()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void invalidRequestIsA400NamingEveryBadFieldAndStoresNothing() {
        ObjectNode bad = request();
        ((ObjectNode) bad.get("solution")).put("kind", "SPACESHIP");
        ((ObjectNode) bad.get("requester")).put("email", "not-an-email");
        bad.put("users", -1);
        bad.put("colour", "blue");
        long before = stored();

        Api.Response response = api.post("/api/v1/assessments", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").values().forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("solution.kind", "requester.email", "users", "colour");
        assertThat(response.text()).contains("HARDWARE_WITH_SOFTWARE"); // the allowed kinds are named
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void malformedJsonInvalidUtf8AndNulAre400() {
        long before = stored();
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String withNul = request().toString().replace("Mette Hansen", "Mette\\u0000Hansen");
        for (byte[] body : List.of("{\"requester\": ".getBytes(StandardCharsets.UTF_8), invalidUtf8,
                withNul.getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8))) {
            Api.Response response = api.send("/api/v1/assessments", "POST", "application/json", body, Map.of());
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Response response = api.send("/api/v1/assessments", "POST", "text/plain",
                Api.bytes(request()), Map.of());
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bodyOver64KiBIs413() {
        ObjectNode big = request();
        big.put("need", "x".repeat(70 * 1024));
        long before = stored();

        Api.Response response = api.post("/api/v1/assessments", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void unknownOrMalformedIdIs404() {
        assertThat(api.get("/api/v1/assessments/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Response malformed = api.get("/api/v1/assessments/not-an-id");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listIsNewestFirstAndFiltersByRouteAndInstitution() {
        String institution = "Listeskolen " + UUID.randomUUID();
        ObjectNode first = request();
        ((ObjectNode) first.get("requester")).put("institution", institution);
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("solution")).put("kind", "HARDWARE_WITHOUT_SOFTWARE");
        String firstId = api.post("/api/v1/assessments", first).json().get("id").asString();
        String secondId = api.post("/api/v1/assessments", second).json().get("id").asString();

        JsonNode page = api.get("/api/v1/assessments?institution=" + institution.toUpperCase().replace(" ", "%20%20")).json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(secondId);
        assertThat(page.get("items").get(1).get("id").asString()).isEqualTo(firstId);

        JsonNode filtered = api.get("/api/v1/assessments?route=NOT_AN_IT_ACQUISITION&institution="
                + institution.replace(" ", "%20")).json();
        assertThat(filtered.get("total").asLong()).isEqualTo(1);
        assertThat(filtered.get("items").get(0).get("id").asString()).isEqualTo(secondId);

        JsonNode paged = api.get("/api/v1/assessments?size=1&page=1&institution=" + institution.replace(" ", "%20")).json();
        assertThat(paged.get("items").size()).isEqualTo(1);
        assertThat(paged.get("items").get(0).get("id").asString()).isEqualTo(firstId);
    }

    @Test
    void listRefusesBadParameters() {
        Api.Response response = api.get("/api/v1/assessments?size=101&route=SOMETIMES&page=-1");
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").values().forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("size", "route", "page");
        assertThat(api.get("/api/v1/assessments?size=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/assessments?institution=a%00b").status()).isEqualTo(400);
    }

    @Test
    void emptyListParametersMeanNoFilter() {
        Api.Response response = api.get("/api/v1/assessments?route=&institution=&page=&size=");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("size").asInt()).isEqualTo(20);
    }
}
