package dk.kk.itassessment.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.security.*}: the first ADMIN account (created when no account exists) and the lockout after
 * repeated failed logins.
 */
@ConfigurationProperties("assessment.security")
record SecuritySettings(@DefaultValue BootstrapAdmin bootstrapAdmin, @DefaultValue Lockout lockout) {

    /** No default password: without one, an embedded-mode start generates one and logs it once. */
    record BootstrapAdmin(@DefaultValue("admin") String username, String password) {
        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration) {
    }
}
