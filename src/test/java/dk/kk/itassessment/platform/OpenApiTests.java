package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiTests {

    @Autowired
    Api api;

    @Test
    void theOpenApiDescriptionNamesEveryPathOfTheContract() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/assessments", "/api/v1/assessments/preview",
                "/api/v1/assessments/{id}", "/api/v1/suppliers", "/api/v1/suppliers/{id}", "/api/v1/suppliers/import",
                "/api/v1/portfolio", "/api/v1/portfolio/{id}");
        assertThat(docs.json().get("components").get("schemas").propertyNames()).contains("AssessmentRequest", "Assessment");
        // the answers are written as bytes; the description still says what they are
        for (String[] answer : new String[][] {{"/api/v1/assessments", "post", "201"},
                {"/api/v1/assessments/preview", "post", "200"}, {"/api/v1/assessments/{id}", "get", "200"}}) {
            assertThat(paths.get(answer[0]).get(answer[1]).get("responses").get(answer[2]).get("content")
                    .get("application/json").get("schema").get("$ref").asString()).as(answer[0])
                    .isEqualTo("#/components/schemas/Assessment");
        }
    }

    @Test
    void theDescriptionIsOpenAndSaysThatOperationsTakeHttpBasic() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("components").get("securitySchemes").get("basic").get("scheme").asString())
                .isEqualTo("basic");
        assertThat(docs.json().get("security").get(0).has("basic")).isTrue();
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void securityHeadersAreSent() {
        Api.Response answer = api.get("/api/v1/assessments");

        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void actuatorShowsHealthAndNothingElseSensitive() {
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/info").status()).isEqualTo(401);
        assertThat(api.get("/actuator/env").status()).isEqualTo(404);
        assertThat(api.get("/actuator/beans").status()).isEqualTo(404);
    }
}
