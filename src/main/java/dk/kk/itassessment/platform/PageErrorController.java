package dk.kk.itassessment.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages the page security forwards to ({@link #FORBIDDEN}: a signed-in person without the role, a form
 * without its CSRF token), rendered like every other page so that they have the layout and the page's language.
 */
@PageController
@RequestMapping("/page-error")
public class PageErrorController {

    /** Where access/PageSecurity forwards a refused request. */
    public static final String FORBIDDEN = "/page-error/403";

    @RequestMapping("/{status}")
    ModelAndView error(@PathVariable String status) {
        return PageErrors.page(switch (status) {
            case "403" -> HttpStatus.FORBIDDEN;
            case "503" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.NOT_FOUND;
        });
    }
}
