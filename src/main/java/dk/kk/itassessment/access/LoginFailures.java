package dk.kk.itassessment.access;

import dk.kk.itassessment.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins in the audit trail: one {@code login.failed} entry per account and minute, with the count of each
 * reason, not one per attempt, so that someone guessing passwords does not grow the append-only trail with every
 * guess. The attempts are counted in {@code login_failures} (shared by the instances) and written when their minute
 * has ended ({@link #write}, run by {@link LoginHousekeeping}); a row is deleted in the transaction that writes its
 * entry, so each minute is written once even when several instances write at the same time.
 *
 * <p>The account is the username only when an account has it; any other name (perhaps a password or an API key
 * typed into the wrong field) is {@link #UNKNOWN}, and is stored nowhere.
 */
@Component
class LoginFailures {

    /** The account of a failed login whose username no account has. */
    static final String UNKNOWN = "(unknown)";
    /** Not a failure: an address locked out of the account by the failure (counted beside the reasons). */
    static final String LOCKOUT = "lockout";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LoginFailures(JdbcClient jdbc, AuditTrail audit, Clock clock, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Counts a failed login of {@code account} (a username or {@link #UNKNOWN}) for {@code reason} this minute. */
    void count(String account, String reason) {
        jdbc.sql("""
                insert into login_failures (minute, account, reason, count) values (:minute, :account, :reason, 1)
                on conflict (minute, account, reason) do update set count = login_failures.count + 1
                """)
                .param("minute", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MINUTES)))
                .param("account", account)
                .param("reason", reason)
                .update();
    }

    private record Counted(Instant minute, String account, String reason, int count) {
    }

    /**
     * Writes the entries of the minutes that ended before {@code now}: actor the account, target
     * {@code account/<it>}, details the minute, the number of failures, their reasons and the addresses locked out.
     * Returns how many entries it wrote.
     */
    int write(Instant now) {
        Integer written = transaction.execute(status -> {
            List<Counted> counted = jdbc.sql("delete from login_failures where minute < :before "
                            + "returning minute, account, reason, count")
                    .param("before", Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES)))
                    .query((rs, n) -> new Counted(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getInt(4)))
                    .list();
            Map<String, List<Counted>> byMinuteAndAccount = new TreeMap<>();
            for (Counted c : counted) {
                byMinuteAndAccount.computeIfAbsent(c.minute() + " " + c.account(), k -> new ArrayList<>())
                        .add(c);
            }
            byMinuteAndAccount.values().forEach(this::record);
            return byMinuteAndAccount.size();
        });
        return written == null ? 0 : written;
    }

    private void record(List<Counted> minute) {
        Map<String, Integer> reasons = new TreeMap<>();
        int lockouts = 0;
        for (Counted c : minute) {
            if (LOCKOUT.equals(c.reason())) {
                lockouts += c.count();
            } else {
                reasons.put(c.reason(), c.count());
            }
        }
        String account = minute.get(0).account();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("minute", minute.get(0).minute().toString());
        details.put("failures", reasons.values().stream().mapToInt(Integer::intValue).sum());
        details.put("reasons", reasons);
        details.put("lockouts", lockouts);
        audit.record(account, "login.failed", "account/" + account, details);
    }
}
