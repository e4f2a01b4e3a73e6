package dk.kk.itassessment.access;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.security.*}: the first ADMIN account (created when no account exists), the lockout after
 * repeated failed logins (per account and client address), the claims of single sign-on's bearer JWTs and the origins
 * CORS allows.
 */
@ConfigurationProperties("assessment.security")
record SecuritySettings(@DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue Lockout lockout,
                        @DefaultValue Jwt jwt, @DefaultValue Cors cors) {

    /** No default password: without one, an embedded-mode start generates one and logs it once. */
    record BootstrapAdmin(@DefaultValue("admin") String username, String password) {
        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /**
     * After {@code maxAttempts} failed logins in a row from one client address, that address is locked out of the
     * account for {@code firstLock}; each failure after a lock locks it again for twice as long, up to
     * {@code maxLock}. A count without a failure for {@code forgetAfter} starts again.
     */
    record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration firstLock,
                   @DefaultValue("15m") Duration maxLock, @DefaultValue("24h") Duration forgetAfter) {
    }

    /**
     * Where a bearer JWT names the caller's roles (a list of strings, or one string separated by spaces or commas)
     * and the username ({@code sub} when the claim is missing).
     */
    record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("preferred_username") String usernameClaim) {
    }

    /** The intake forms' origins that may call {@code /api/**} from a browser; none (the default): no CORS at all. */
    record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
