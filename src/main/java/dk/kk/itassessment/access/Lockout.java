package dk.kk.itassessment.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * After {@code assessment.security.lockout.max-attempts} wrong passwords in a row an account is locked for
 * {@code .duration}: while locked even the right password answers 401 (the same answer as a wrong one). A successful
 * login resets the count. Unknown usernames are counted nowhere (there is no row to count on).
 */
@Component
class Lockout {

    private static final Logger log = LoggerFactory.getLogger(Lockout.class);

    private final JdbcClient jdbc;
    private final SecuritySettings.Lockout settings;
    private final Clock clock;

    Lockout(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings.lockout();
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!isPassword(event)) {
            return;
        }
        String username = event.getAuthentication().getName();
        Instant until = Instant.now(clock).plus(settings.duration());
        Boolean locked = jdbc.sql("""
                update accounts
                   set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                       locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                 where username = :username
                returning locked_until is not null and locked_until = :until
                """)
                .param("max", settings.maxAttempts())
                .param("until", Timestamp.from(until))
                .param("username", username)
                .query(Boolean.class).optional().orElse(false);
        if (locked) {
            log.warn("The account '{}' is locked until {} after {} failed logins", username, until,
                    settings.maxAttempts());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!isPassword(event)) {
            return;
        }
        jdbc.sql("update accounts set failed_logins = 0, locked_until = null "
                        + "where username = :username and (failed_logins > 0 or locked_until is not null)")
                .param("username", event.getAuthentication().getName())
                .update();
    }

    /** Only passwords count: a bearer token (single sign-on) is no login attempt on a local account. */
    private static boolean isPassword(AbstractAuthenticationEvent event) {
        return event.getAuthentication() instanceof UsernamePasswordAuthenticationToken;
    }
}
