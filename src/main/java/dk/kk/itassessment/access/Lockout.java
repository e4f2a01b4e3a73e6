package dk.kk.itassessment.access;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After {@code assessment.security.lockout.max-attempts} wrong passwords in a row an account is locked for
 * {@code .duration}: while locked even the right password answers 401 (the same answer as a wrong one). A successful
 * login resets the count. Unknown usernames are counted nowhere (there is no row to count on).
 *
 * <p>Every failed login with a username is audited on its own as {@code login.failed} (actor the attempted username,
 * at most 64 printable characters, target {@code account/<it>}, the reason, never the password); the login that
 * locks an account also leaves {@code account.locked}, in the transaction that locks it.
 */
@Component
class Lockout {

    private static final Logger log = LoggerFactory.getLogger(Lockout.class);

    private final JdbcClient jdbc;
    private final SecuritySettings.Lockout settings;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    Lockout(JdbcClient jdbc, SecuritySettings settings, Clock clock, AuditTrail audit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.settings = settings.lockout();
        this.clock = clock;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Audits every failed login with a username; a wrong password also counts towards the lockout. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!isPassword(event)) {
            return;
        }
        String username = event.getAuthentication().getName();
        String attempted = printable(username);
        String reason = event instanceof AuthenticationFailureBadCredentialsEvent ? "bad-credentials"
                : event instanceof AuthenticationFailureLockedEvent ? "locked"
                : event instanceof AuthenticationFailureDisabledEvent ? "disabled" : "other";
        try {
            audit.record(attempted, "login.failed", "account/" + attempted, Map.of("reason", reason));
        } finally {
            // a username no account can have has no row to count on (and PostgreSQL refuses some, e.g. with a NUL)
            if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null
                    && AccountFields.USERNAME.matcher(username).matches()) {
                count(username);
            }
        }
    }

    private void count(String username) {
        Instant until = Instant.now(clock).plus(settings.duration());
        if (Boolean.TRUE.equals(transaction.execute(status -> lock(username, until)))) {
            log.warn("The account '{}' is locked until {} after {} failed logins", username, until,
                    settings.maxAttempts());
        }
    }

    /** Counts a failed login; true when it locks the account (then audited, in the same transaction). */
    private boolean lock(String username, Instant until) {
        boolean locked = jdbc.sql("""
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
            audit.record(Actors.SYSTEM, "account.locked", "account/" + username, Map.of(
                    "failedLogins", settings.maxAttempts(), "lockedUntil", until.toString()));
        }
        return locked;
    }

    /** A username as typed, for the trail: at most 64 characters, printable ASCII (the rest a '?'). */
    static String printable(String username) {
        if (username == null || username.isEmpty()) {
            return "(empty)";
        }
        String shortened = username.length() > 64 ? username.substring(0, 64) : username;
        return shortened.replaceAll("[^\\x20-\\x7E]", "?");
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
