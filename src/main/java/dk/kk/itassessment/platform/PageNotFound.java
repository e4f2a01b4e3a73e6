package dk.kk.itassessment.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path no controller serves, asked for by a browser (it accepts {@code text/html}) outside the API: the 404 page in
 * the layout and the person's language, not the API's problem JSON ({@code /cases/BUF-2026-00001/nothing},
 * {@code /rulesets/x/y/z}). The API's paths, and clients that do not ask for HTML, keep the problem.
 */
@Component
class PageNotFound implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(e instanceof NoResourceFoundException) || !fromABrowser(request)) {
            return null; // the next resolver: ProblemHandler's problem
        }
        ModelAndView page = new ModelAndView("forward:/page-error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private static boolean fromABrowser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                && accept != null && accept.contains("text/html");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, which only records the error
    }
}
