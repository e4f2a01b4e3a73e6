package dk.kk.itassessment.platform;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as {@code application/problem+json} with a stable type URI and a domain title. Exception
 * messages of libraries (SQL, stack traces, class names) never reach the client: unexpected failures are logged
 * here and answered with a generic 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return answer(Problems.invalid(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(Unprocessable.class)
    ResponseEntity<ProblemDetail> unprocessable(Unprocessable e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "refused", "Refused", e.getMessage());
        problem.setProperty("errors", e.errors());
        return answer(problem);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version", e.getMessage()));
    }

    @ExceptionHandler(PreconditionRequired.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(RequestBodyLimit.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimit.BodyTooLarge e) {
        return answer(tooLargeProblem(e.limit()));
    }

    /** A multipart body cut off at the limit, or not multipart at all (a file over its limit: Spring's 413). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
        RequestBodyLimit.BodyTooLarge tooLarge = RequestBodyLimit.tooLarge(e);
        if (tooLarge != null) {
            return answer(tooLargeProblem(tooLarge.limit()));
        }
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "malformed", "Malformed request body",
                "The body could not be read as multipart/form-data."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
                    .body(DatabaseUnavailable.answer(e));
        }
        log.error("Unexpected failure", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The service could not complete the request. Nothing was stored."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimit.BodyTooLarge tooLarge = RequestBodyLimit.tooLarge(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem(tooLarge.limit()));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed",
                "Malformed request body", "The body could not be read as the expected document."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own problems (415, 405, 406, missing parameters): keep the status, give them our type URIs.
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create(Problems.BASE + "http-" + status.value()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ProblemDetail tooLargeProblem(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
                "The body is larger than " + limit + " bytes.");
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
