package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CORS for /api/** from the configured intake-form origins only ({@link IntegrationTest#INTAKE_ORIGIN}). */
@IntegrationTest
class CorsTests {

    private static final String ASSESSMENTS = "/api/v1/assessments";

    @Autowired
    Api api;

    @Test
    void aPreflightFromTheIntakeFormIsAllowed() {
        Api.Response answer = preflight(ASSESSMENTS, IntegrationTest.INTAKE_ORIGIN, "POST",
                "authorization,content-type,idempotency-key");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(IntegrationTest.INTAKE_ORIGIN);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(answer.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anotherOriginIsRefused() {
        Api.Response answer = preflight(ASSESSMENTS, "https://elsewhere.example.com", "POST", "authorization");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void otherMethodsHeadersAndPathsAreNotAllowed() {
        assertThat(preflight(ASSESSMENTS, IntegrationTest.INTAKE_ORIGIN, "PATCH", "authorization").status())
                .isEqualTo(403);
        assertThat(preflight(ASSESSMENTS, IntegrationTest.INTAKE_ORIGIN, "POST", "x-custom").status())
                .isEqualTo(403);
        assertThat(preflight("/actuator/info", IntegrationTest.INTAKE_ORIGIN, "GET", "authorization")
                .header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theIntakeFormsCallsAreAuthorisedAsAlways() {
        Api.Response allowed = api.as(Role.REVIEWER).send(HttpRequest.newBuilder(api.uri(ASSESSMENTS)).GET()
                .header("Origin", IntegrationTest.INTAKE_ORIGIN));
        Api.Response anonymous = api.anonymous().send(HttpRequest.newBuilder(api.uri(ASSESSMENTS)).GET()
                .header("Origin", IntegrationTest.INTAKE_ORIGIN));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(IntegrationTest.INTAKE_ORIGIN);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private Api.Response preflight(String path, String origin, String method, String headers) {
        return api.anonymous().send(HttpRequest.newBuilder(api.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers));
    }
}
