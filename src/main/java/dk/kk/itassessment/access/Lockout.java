package dk.kk.itassessment.access;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.stereotype.Component;

/**
 * What a failed login with a username and password leads to, whichever way it was sent (HTTP Basic today): a wrong
 * password counts towards locking the client's address out of the account ({@link LoginThrottle}); every failure is
 * counted for the audit trail's entry of its account and minute ({@link LoginFailures}), under the username only
 * when an account has it. The lock itself is enforced before the password is checked ({@link ThrottledLogin}).
 */
@Component
class Lockout {

    private static final Logger log = LoggerFactory.getLogger(Lockout.class);

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final LoginFailures failures;

    Lockout(Accounts accounts, LoginThrottle throttle, LoginFailures failures) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.failures = failures;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        // only passwords count: a bearer token (an API key, single sign-on) is no login to a local account
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) {
            return;
        }
        // credentials that could not be checked (the database is not available) are no failed login
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return;
        }
        String reason = event instanceof AuthenticationFailureBadCredentialsEvent ? "bad-credentials"
                : event instanceof AuthenticationFailureLockedEvent ? "locked"
                : event instanceof AuthenticationFailureDisabledEvent ? "disabled" : "other";
        try {
            String username = login.getName();
            boolean account = username != null && AccountFields.USERNAME.matcher(username).matches()
                    && accounts.exists(username);
            if (account && reason.equals("bad-credentials")) {
                String client = LoginThrottle.client(login.getDetails());
                Optional<LoginThrottle.Failure> failure = throttle.failed(username, client);
                if (failure.isPresent() && failure.get().lockedUntil() != null) {
                    log.warn("The account '{}' is locked for the address {} until {} after {} failed logins in a row",
                            username, client, failure.get().lockedUntil().truncatedTo(ChronoUnit.SECONDS),
                            failure.get().failures());
                    failures.count(username, LoginFailures.LOCKOUT);
                }
            }
            failures.count(account ? username : LoginFailures.UNKNOWN, reason);
        } catch (DataAccessException e) { // the login is refused all the same; only its count is lost
            log.warn("A failed login could not be counted: {}", e.getClass().getSimpleName());
        }
    }
}
