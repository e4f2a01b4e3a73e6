package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Spring Security's default headers, no referrer anywhere, and a closed Content-Security-Policy for /api/**. */
@IntegrationTest
class SecurityHeadersTests {

    @Autowired
    Api api;

    @Test
    void apiAnswersCarryTheHeadersAlsoWhenRefused() {
        List<Api.Response> answers = List.of(
                api.as(Role.REVIEWER).get("/api/v1/assessments"),
                api.anonymous().get("/api/v1/assessments"),
                api.as(Role.REQUESTER).get("/api/v1/users"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            // HSTS only over HTTPS; the tests speak plain HTTP.
            assertThat(answer.header("Strict-Transport-Security")).isNull();
            assertThat(answer.raw().headers().allValues("Set-Cookie")).isEmpty();
        });
    }

    @Test
    void swaggerUiKeepsItsScripts() {
        Api.Response ui = api.anonymous().get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).isNull();
        assertThat(ui.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
