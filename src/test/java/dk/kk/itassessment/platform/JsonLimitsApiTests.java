package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON document past the limits of {@link JsonLimits} (nesting, number and name length) is a 400 naming the field
 * or the limit on every endpoint that reads JSON, stores nothing, and logs one line without a stack trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class JsonLimitsApiTests {

    private static final String SOME_ID = UUID.randomUUID().toString();

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    static Stream<Arguments> jsonEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/assessments"),
                Arguments.of("POST", "/api/v1/assessments/preview"),
                Arguments.of("POST", "/api/v1/users"),
                Arguments.of("PUT", "/api/v1/users/" + IntegrationTest.BOOTSTRAP_ADMIN + "/roles"),
                Arguments.of("POST", "/api/v1/api-keys"),
                Arguments.of("POST", "/api/v1/suppliers"),
                Arguments.of("PUT", "/api/v1/suppliers/" + SOME_ID),
                Arguments.of("POST", "/api/v1/portfolio"),
                Arguments.of("PUT", "/api/v1/portfolio/" + SOME_ID));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonEndpoints")
    void nestingPastTheLimitIsA400NamingIt(String method, String path) {
        for (int depth : new int[] {JsonLimits.MAX_DEPTH + 1, 600}) {
            Api.Response answer = send(method, path, "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");

            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode error = answer.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("$");
            assertThat(error.get("message").asString()).contains("deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonEndpoints")
    void aNumberPastTheLimitIsA400NamingTheField(String method, String path) {
        Api.Response answer = send(method, path, "{\"x\": {\"size\": " + "9".repeat(1001) + "}}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("x.size");
        assertThat(error.get("message").asString()).contains("more than " + JsonLimits.MAX_NUMBER_LENGTH + " characters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"users", "cost.priceDkk", "operations.hoursPerMonth"})
    void hugeNumbersInARequestAreA400NamingTheFieldAndStoreNothing(String field) {
        long before = jdbc.sql("select count(*) from assessments").query(Long.class).single();
        for (String huge : new String[] {"9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1), "1" + "0".repeat(1000),
                "1" + "0".repeat(30), "1e400", "1e999999999"}) {
            Api.Response answer = send("POST", "/api/v1/assessments", requestWith(field, huge));

            assertThat(answer.status()).as(huge + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.json().get("errors").values()).as(answer.text())
                    .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo(field));
        }
        assertThat(jdbc.sql("select count(*) from assessments").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aLongPropertyNameIsA400NamingTheLimit() {
        Api.Response answer = send("POST", "/api/v1/assessments", "{\"requester\": {\"" + "n".repeat(300) + "\": 1}}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("requester");
        assertThat(error.get("message").asString()).contains("name of more than " + JsonLimits.MAX_NAME_LENGTH);
    }

    @Test
    void aRefusedDocumentLogsOneLineAndNoStackTrace(CapturedOutput output) {
        int before = output.getAll().length();

        Api.Response deep = send("POST", "/api/v1/assessments", "[".repeat(5000) + "]".repeat(5000));
        Api.Response longNumber = send("POST", "/api/v1/assessments/preview", "{\"users\": " + "1".repeat(5000) + "}");

        assertThat(deep.status()).isEqualTo(400);
        assertThat(longNumber.status()).isEqualTo(400);
        String logged = output.getAll().substring(before);
        assertThat(logged.lines().filter(line -> line.contains("Refused a JSON document"))).hasSize(2);
        assertThat(logged).doesNotContain("\tat ", "Exception", "ERROR", "11111");
    }

    @Test
    void theServicesJsonMapperHasTheLimits() {
        String deep = "[".repeat(JsonLimits.MAX_DEPTH + 1) + "]".repeat(JsonLimits.MAX_DEPTH + 1);

        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        assertThat(json.readTree("[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH))).isNotNull();
        // and Spring Boot's customizers still apply: its ProblemDetail mix-in writes a problem's properties at the top
        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatus(400);
        problem.setProperty("errors", java.util.List.of());
        assertThat(json.writeValueAsString(problem)).contains("\"errors\":[]").doesNotContain("properties");
    }

    /** Example 01 with {@code field} set to the number written as {@code number}. */
    private static String requestWith(String field, String number) {
        JsonNode request = Examples.request().deepCopy();
        String[] path = field.split("\\.");
        tools.jackson.databind.node.ObjectNode parent = (tools.jackson.databind.node.ObjectNode) request;
        if (path.length == 2) {
            parent = parent.has(path[0]) ? (tools.jackson.databind.node.ObjectNode) parent.get(path[0]) : parent.putObject(path[0]);
        }
        String name = path[path.length - 1];
        parent.put(name, "NUMBER");
        if (field.equals("cost.priceDkk")) {
            parent.put("free", false);
        }
        return request.toString().replace("\"NUMBER\"", number);
    }

    private Api.Response send(String method, String path, String body) {
        return api.send(path, method, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
