package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal is a problem with the security headers, also those made before the application sees the request:
 * by Spring Security's firewall ({@code //}, {@code ;}, {@code ..}) and by Tomcat (encoded slashes, a malformed
 * request line or header). Written over a raw socket, as an HTTP client would normalise these paths away.
 */
@IntegrationTest
class ErrorFormatTests {

    @Autowired
    Api api;

    @Autowired
    ErrorPage errorPage;

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                path("//api/v1/assessments"),
                path("/api/v1/assessments;jsessionid=1"),
                path("/api/v1/../v1/assessments"),
                path("/api/v1/%2e%2e/users"),
                path("/api/v1/assessments/%25"),
                path("/../api/v1/users"),
                path("/api/v1/assessments%2F..%2Fusers"),
                path("/api/v1/a%5Cb"),
                path("/api/v1/a%00b"),
                path("/api/v1/a\\b"),
                Arguments.of("a request target with { }", "GET /api/v1/{x} HTTP/1.0\r\nHost: localhost\r\n\r\n", 400),
                Arguments.of("a method with (", "G(T /api/v1/users HTTP/1.0\r\nHost: localhost\r\n\r\n", 400),
                Arguments.of("a header name with a space", "GET /api/v1/users HTTP/1.0\r\nHost: localhost\r\nBad Header: x\r\n\r\n", 400),
                Arguments.of("HTTP/1.1 without Host", "GET /api/v1/users HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                Arguments.of("a header of 20 KB", "GET /api/v1/users HTTP/1.0\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 400),
                Arguments.of("TRACE", "TRACE /api/v1/users HTTP/1.0\r\nHost: localhost\r\n\r\n", 405),
                Arguments.of("a Content-Length that is no number", "POST /api/v1/assessments HTTP/1.0\r\nHost: localhost\r\nContent-Length: x\r\n\r\n", 400),
                Arguments.of("HTTP/9.9", "GET /api/v1/users HTTP/9.9\r\nHost: localhost\r\n\r\n", 505));
    }

    /** What the application answers with a bare status (a filter's exception, a sendError) gets the same. */
    @Test
    void springsErrorPageIsAProblemWithTheSecurityHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("SELECT secret FROM accounts"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        errorPage.error(request, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = Api.json().readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo(Problems.BASE + "http-500");
        assertThat(problem.get("detail").asString()).isEqualTo("The service could not complete the request. Nothing was stored.");
        assertThat(response.getContentAsString()).doesNotContain("SELECT", "IllegalState");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(ErrorAnswers.CONTENT_SECURITY_POLICY);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static Arguments path(String path) {
        return Arguments.of(path, "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n", 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void isAProblemWithTheSecurityHeaders(String what, String request, int status) {
        RawHttp.Response answer = RawHttp.raw(api.port(), request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = Api.json().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith(Problems.BASE);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception", "org.apache", "Tomcat");
        assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("content-security-policy", ErrorAnswers.CONTENT_SECURITY_POLICY);
        assertThat(answer.headers().get("cache-control")).contains("no-store");
        assertThat(answer.headers()).doesNotContainKey("set-cookie");
    }
}
