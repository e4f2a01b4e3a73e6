package dk.kk.itassessment.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for the answers that no filter of the application writes: a request Tomcat refuses before it
 * reaches the application (a malformed request line or header, {@code %2F} in a path), one Spring Security's
 * firewall refuses ({@code //}, {@code ;}, {@code ..}), and Spring's error page. They carry the security headers
 * that Spring Security writes on every other answer, as a problem loads nothing and is framed nowhere.
 */
public final class ErrorAnswers {

    /** A problem's body loads nothing and is framed nowhere (also the policy of every /api answer). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorAnswers() {
    }

    /** The headers Spring Security's defaults and {@code access/Hardening} give every answer. */
    public static void secure(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** The status's problem: our type URI for it and the reason phrase as its title. */
    public static Map<String, Object> problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.BASE + (status == 400 ? "malformed-request" : "http-" + status));
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    /** What a refused request is told; nothing of the request is echoed. */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: its request line, a header or its path is malformed or not "
                    + "accepted here (no //, ;, .., encoded slashes, backslashes, % signs or control characters in a path).";
            case 404 -> "Nothing is found at this path.";
            case 405 -> "The method is not allowed here.";
            case 413, 431 -> "The request or its headers are larger than the service reads.";
            case 505 -> "The HTTP version is not supported; use HTTP/1.1.";
            default -> status >= 500 ? "The service could not complete the request. Nothing was stored."
                    : "The request was refused.";
        };
    }

    public static byte[] json(Map<String, Object> problem) {
        return JSON.writeValueAsBytes(problem);
    }

    /** The whole answer: status, security headers, problem+json. */
    public static void write(HttpServletResponse response, int status) throws java.io.IOException {
        response.setStatus(status);
        secure(response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = json(problem(status, detail(status)));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
