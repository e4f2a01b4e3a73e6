package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.DatabaseUnavailable;
import dk.kk.itassessment.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem details. Every failure of a password login (no credentials, an unknown user, a wrong
 * password, a disabled or locked-out account) gets the same answer, so that none tells a caller which accounts
 * exist; every refused bearer token gets the same answer as well. Credentials that could not be checked, as the
 * database was not available, get its 503 ({@link DatabaseUnavailable}), never a 401.
 */
@Component
class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "it-assessment";
    private static final String BEARER = "Bearer";

    private final JsonMapper json;

    ProblemAnswers(JsonMapper json) {
        this.json = json;
    }

    /**
     * A request that sent a bearer token (an API key or a JWT) is told that the token was refused, with the challenge
     * of RFC 6750 ({@code WWW-Authenticate: Bearer …, error="invalid_token"}); every other one is asked for HTTP
     * Basic. Which kind of bad token it was is not said.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.causedBy(e)) { // the credentials could not be checked: no verdict on them
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER);
            write(response, DatabaseUnavailable.answer(e));
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                    + "error_description=\"The bearer token is not valid\"");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "The bearer token is not valid: an unknown, revoked or malformed API key, or a token that is "
                            + "invalid or expired."));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "The request needs valid credentials (HTTP Basic)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "The account's roles do not allow this request."));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
