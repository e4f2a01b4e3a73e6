package dk.kk.itassessment.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins counted per account and client address (table {@code login_throttle}, shared by every instance):
 * after {@code max-attempts} failures in a row from one address, that address is locked out of the account for
 * {@code first-lock}; each further failure from it after a lock locks it again for twice as long, up to
 * {@code max-lock}. Other addresses are not affected, so that a stranger cannot lock the owner out. A successful
 * login from the address, or an ADMIN's unlock, forgets its count; a count without a failure for
 * {@code forget-after} starts again and is deleted.
 *
 * <p>The client address is the request's remote address: behind a proxy it is the proxy's unless
 * {@code server.forward-headers-strategy} makes it the client's. IPv6 addresses count by their /64 prefix, the
 * block one host usually holds, so that a host cannot count afresh from each of its addresses.
 */
@Component
class LoginThrottle {

    /** A client address for a login that came through no request (there is none today). */
    static final String NO_ADDRESS = "none";
    private static final String COUNT = "select failures, locks, locked_until, last_failure from login_throttle "
            + "where username = :username and client = :client";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private final JdbcClient jdbc;
    private final SecuritySettings.Lockout settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LoginThrottle(JdbcClient jdbc, SecuritySettings settings, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.settings = settings.lockout();
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The count of an account's failed logins from one address, and until when the address is locked out. */
    record Count(int failures, int locks, Instant lockedUntil, Instant lastFailure) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** The count after one more failure at {@code now}: a lock when it reaches the limit, longer each time. */
        Count next(Instant now, SecuritySettings.Lockout settings) {
            boolean stale = lastFailure.isBefore(now.minus(settings.forgetAfter()));
            int failed = (stale ? 0 : failures) + 1;
            int locked = stale ? 0 : locks;
            if (failed < settings.maxAttempts()) {
                return new Count(failed, locked, stale ? null : lockedUntil, now);
            }
            Duration lock = settings.firstLock().multipliedBy(1L << Math.min(locked, 20));
            if (lock.compareTo(settings.maxLock()) > 0) {
                lock = settings.maxLock();
            }
            return new Count(failed, locked + 1, now.plus(lock), now);
        }
    }

    /** The client address of a login, from the authentication's details (the request's remote address). */
    static String client(Object details) {
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (address == null || address.isEmpty()) {
            return NO_ADDRESS;
        }
        if (address.indexOf(':') < 0 || !IP_LITERAL.matcher(address).matches()) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        try {
            // an IPv6 literal (checked above, so no name is looked up): its /64 prefix, or the IPv4 address it maps
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    Optional<Count> find(String username, String client) {
        return jdbc.sql(COUNT)
                .param("username", username)
                .param("client", client)
                .query(LoginThrottle::count)
                .optional();
    }

    /** A failed login counted: the failures in a row from its address, and the lock it started (else null). */
    record Failure(int failures, Instant lockedUntil) {
    }

    /**
     * Counts a failed login of an account from {@code client}; empty when no account has the username (nothing is
     * counted then). Concurrent failures from one address are counted one after the other.
     */
    Optional<Failure> failed(String username, String client) {
        Instant now = Instant.now(clock);
        return transaction.execute(status -> {
            jdbc.sql("""
                    insert into login_throttle (username, client, failures, locks, last_failure)
                    select username, :client, 0, 0, :now from accounts where username = :username
                    on conflict (username, client) do nothing
                    """)
                    .param("username", username).param("client", client).param("now", Timestamp.from(now))
                    .update();
            Optional<Count> counted = jdbc.sql(COUNT + " for update")
                    .param("username", username)
                    .param("client", client)
                    .query(LoginThrottle::count)
                    .optional()
                    .map(count -> count.next(now, settings));
            counted.ifPresent(next -> jdbc.sql("""
                    update login_throttle set failures = :failures, locks = :locks, locked_until = :lockedUntil,
                           last_failure = :now
                     where username = :username and client = :client
                    """)
                    .param("failures", next.failures())
                    .param("locks", next.locks())
                    .param("lockedUntil", next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
                    .param("now", Timestamp.from(now))
                    .param("username", username)
                    .param("client", client)
                    .update());
            return counted.map(next -> new Failure(next.failures(),
                    next.failures() >= settings.maxAttempts() ? next.lockedUntil() : null));
        });
    }

    /** A successful login from {@code client}: its count is forgotten. */
    void succeeded(String username, String client) {
        jdbc.sql("delete from login_throttle where username = :username and client = :client")
                .param("username", username).param("client", client).update();
    }

    /** Forgets every count and lock of the account, from every address; how many addresses it forgot. */
    int unlock(String username) {
        return jdbc.sql("delete from login_throttle where username = :username").param("username", username).update();
    }

    /** Deletes the counts without a failure for {@code forget-after} (they would start again anyway). */
    int forgetStale() {
        Instant now = Instant.now(clock);
        return jdbc.sql("delete from login_throttle where last_failure < :before "
                        + "and (locked_until is null or locked_until < :now)")
                .param("before", Timestamp.from(now.minus(settings.forgetAfter())))
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Count count(ResultSet rs, int row) throws SQLException {
        return new Count(rs.getInt(1), rs.getInt(2), instant(rs.getTimestamp(3)), rs.getTimestamp(4).toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
