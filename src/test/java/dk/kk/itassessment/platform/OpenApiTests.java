package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RawHttp;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.util.Map;
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
        assertThat(docs.json().get("components").get("schemas").get("Assessment").get("properties").propertyNames())
                .as("the answer's fields in the answer's order").startsWith("id", "caseNumber", "assessedAt", "route");
        // the answers are written as bytes; the description still says what they are
        for (String[] answer : new String[][] {{"/api/v1/assessments", "post", "201"},
                {"/api/v1/assessments/preview", "post", "200"}, {"/api/v1/assessments/{id}", "get", "200"}}) {
            assertThat(paths.get(answer[0]).get(answer[1]).get("responses").get(answer[2]).get("content")
                    .get("application/json").get("schema").get("$ref").asString()).as(answer[0])
                    .isEqualTo("#/components/schemas/Assessment");
        }
    }

    @Test
    void theDescriptionIsValidOpenApi31ToARealValidator() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.text(), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isNotBlank();
        assertThat(parsed.getOpenAPI().getInfo().getVersion()).isEqualTo("v1");
    }

    @Test
    void theDescriptionIsOpenAndSaysThatOperationsTakeBasicAnApiKeyOrAJwt() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode schemes = docs.json().get("components").get("securitySchemes");
        assertThat(schemes.propertyNames()).containsExactlyInAnyOrder("basic", "apiKey", "jwt");
        assertThat(schemes.get("basic").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("jwt").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("jwt").get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.json().get("security").values()).extracting(r -> r.propertyNames().iterator().next())
                .containsExactly("basic", "apiKey", "jwt");
        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theYamlDescriptionIsOpenLikeTheJson() {
        Api.Response yaml = api.anonymous().get("/v3/api-docs.yaml");

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.text()).startsWith("openapi: 3.1.").contains("securitySchemes:");
        assertThat(new OpenAPIV3Parser().readContents(yaml.text(), null, new ParseOptions()).getMessages()).isEmpty();
    }

    @Test
    void theServerItNamesIsTheConfiguredOneWhateverTheHostHeaderSays() {
        RawHttp.Response docs = RawHttp.send(api.port(), "127.0.0.1", "GET", "/v3/api-docs",
                Map.of("Host", "attacker.example.com"));

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).doesNotContain("attacker.example.com");
        assertThat(Api.json().readTree(docs.body()).get("servers")).singleElement()
                .satisfies(server -> assertThat(server.get("url").asString()).isEqualTo("/"));
    }

    @Test
    void headOfTheHealthAnswersLikeGetWithoutCredentials() {
        Api.Response head = api.anonymous().send(HttpRequest.newBuilder(api.uri("/actuator/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo(api.anonymous().get("/actuator/health").contentType());
        assertThat(head.text()).isEmpty();
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
