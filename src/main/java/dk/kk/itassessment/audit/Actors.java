package dk.kk.itassessment.audit;

import java.security.Principal;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting, for the audit trail: the authenticated principal of the current HTTP request (the servlet API's
 * {@code getUserPrincipal()}, which Spring Security fills in once it guards the API), {@code anonymous} for a
 * request without one, {@code system} outside any request (start-up, demo data).
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return SYSTEM;
        }
        Principal principal = request.getRequest().getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? ANONYMOUS : principal.getName();
    }
}
