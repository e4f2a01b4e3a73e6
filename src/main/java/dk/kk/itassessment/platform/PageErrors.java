package dk.kk.itassessment.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages of {@link PageController}s: what the API answers with a problem, a person sees as a page in
 * their language (templates/error/page.html): 404 for {@link NotFound}, 403 for {@link Forbidden}, 503 when the
 * database is away, 500 for anything else (logged here, never shown). Before {@code ProblemHandler}, which answers
 * the API's controllers.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseUnavailable.causedBy(e)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER);
            return page(HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Unexpected failure of a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** The error page for {@code status}: its title and text are the messages {@code error.<status>.*}. */
    static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error/page");
        page.addObject("status", status.value());
        page.setStatus(status);
        return page;
    }
}
