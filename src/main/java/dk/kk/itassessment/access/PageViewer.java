package dk.kk.itassessment.access;

import static dk.kk.itassessment.access.Role.ADMIN;
import static dk.kk.itassessment.access.Role.ADMINISTRATIVE_STAFF;
import static dk.kk.itassessment.access.Role.INTAKE_CLIENT;
import static dk.kk.itassessment.access.Role.POLICY_OFFICER;
import static dk.kk.itassessment.access.Role.REQUESTER;
import static dk.kk.itassessment.access.Role.REVIEWER;

import dk.kk.itassessment.platform.PageController;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The person a page is shown to, as the layout needs them: signed in or not, their name and roles, and which parts
 * of the navigation lead somewhere they may go (the same rules as {@link PageSecurity}'s, so that no link ends on
 * the 403 page).
 */
@ControllerAdvice(annotations = PageController.class)
class PageViewer {

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Viewer.ANONYMOUS;
        }
        return new Viewer(Caller.of(authentication));
    }

    /** Who looks at the page; {@link #ANONYMOUS} when nobody is signed in. */
    public record Viewer(Caller caller) {

        static final Viewer ANONYMOUS = new Viewer(null);

        public boolean signedIn() {
            return caller != null;
        }

        public String name() {
            return caller == null ? null : caller.username();
        }

        /** The roles' names (labels are the messages {@code role.<NAME>}), in the order of {@link Role}. */
        public List<String> roles() {
            return caller == null ? List.of() : caller.roles().stream().sorted().map(Role::name).toList();
        }

        public boolean intake() {
            return has(Set.of(REQUESTER, ADMINISTRATIVE_STAFF, ADMIN));
        }

        public boolean cases() {
            return has(Set.of(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, POLICY_OFFICER, ADMIN));
        }

        public boolean rulesets() {
            return has(Set.of(REVIEWER, POLICY_OFFICER, ADMIN));
        }

        public boolean registry() {
            return has(Set.of(ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN));
        }

        public boolean admin() {
            return has(Set.of(ADMIN));
        }

        /** Whether the person has {@code role} (by its name), for what a page shows to some roles only. */
        public boolean is(String role) {
            return caller != null && Role.NAMES.contains(role) && caller.roles().contains(Role.valueOf(role));
        }

        private boolean has(Set<Role> any) {
            return caller != null && caller.roles().stream().anyMatch(any::contains);
        }
    }
}
