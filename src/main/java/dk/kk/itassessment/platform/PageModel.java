package dk.kk.itassessment.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout needs of the request: the link to the same page in the other language (the path and query as
 * they are, {@code lang} replaced), relative, so that it never names another host.
 */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    /** The language the switch offers: English on a Danish page, Danish on an English one. */
    record LanguageSwitch(String language, String href) {
    }

    @ModelAttribute("languageSwitch")
    LanguageSwitch languageSwitch(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "da" : "en";
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if (request.getDispatcherType() == DispatcherType.FORWARD) { // the 403 page: the page that was refused
            path = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String uri ? uri : "/";
            query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) instanceof String q ? q : null;
        }
        String href = UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam(Languages.PARAMETER, other).build().toUriString();
        return new LanguageSwitch(other, href);
    }
}
