package dk.kk.itassessment.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated caller as the features need it: the account's username, e-mail address and roles. */
public record Caller(String username, String email, Set<Role> roles) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasAnyRole(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller of an authenticated request: a local account (HTTP Basic or the login form), an API key
     * ({@code api-key:<name>}), a bearer JWT or a person signed in to the pages with the identity provider (its
     * {@code email} claim, unless {@code email_verified} says it is not verified).
     */
    public static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("The request is not authenticated");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), email(authentication.getPrincipal()), roles);
    }

    private static String email(Object principal) {
        if (principal instanceof AccountPrincipal account) {
            return account.email();
        }
        Map<String, Object> claims = principal instanceof Jwt jwt ? jwt.getClaims()
                : principal instanceof OidcUser user ? user.getClaims() : null;
        if (claims != null) {
            Object verified = claims.get("email_verified");
            String email = claims.get("email") instanceof String text ? text : null;
            boolean unverified = Boolean.FALSE.equals(verified) || "false".equals(verified);
            return unverified || email == null || email.isBlank() ? null : email;
        }
        return null;
    }
}
