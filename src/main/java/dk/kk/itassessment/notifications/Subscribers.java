package dk.kk.itassessment.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions of cases (table {@code case_subscriptions}, V33), by lower-cased e-mail address. A subscription
 * that ends keeps its row without a token: its unsubscribe link is used up, and a later subscription gets a new one.
 */
@Repository
class Subscribers {

    /** Why someone is told: REQUESTER (submitted it), SUBSCRIBER (subscribed), ASSIGNEE (works it). */
    record Subscription(String caseNumber, String email, String reason, UUID token) {
    }

    private final JdbcClient jdbc;

    Subscribers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A subscription to make: the requester of a case just opened. */
    record NewSubscription(String number, String email, String reason, UUID token, Instant at) {
    }

    /**
     * Subscribes each of {@code given} once: nothing changes where a row exists, active or ended. In one statement (the
     * requesters of the cases opened together).
     */
    void subscribeOnce(List<NewSubscription> given) {
        if (given.isEmpty()) {
            return;
        }
        jdbc.sql("insert into case_subscriptions (case_number, email, reason, token, subscribed_at)"
                        + " select * from unnest(:numbers, :emails, :reasons, cast(:tokens as uuid[]),"
                        + " cast(:at as timestamptz[])) on conflict (case_number, email) do nothing")
                .param("numbers", given.stream().map(NewSubscription::number).toArray(String[]::new))
                .param("emails", given.stream().map(s -> key(s.email())).toArray(String[]::new))
                .param("reasons", given.stream().map(NewSubscription::reason).toArray(String[]::new))
                .param("tokens", given.stream().map(s -> s.token().toString()).toArray(String[]::new))
                .param("at", given.stream().map(s -> s.at().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * Subscribes, or subscribes again after an unsubscription (with a new token and {@code reason}); an active
     * subscription stays as it is. True when the address was not subscribed before.
     */
    boolean subscribe(String number, String email, String reason, Instant at) {
        return jdbc.sql("""
                        insert into case_subscriptions (case_number, email, reason, token, subscribed_at)
                        values (:number, :email, :reason, :token, :at)
                        on conflict (case_number, email) do update
                           set reason = excluded.reason, token = excluded.token, subscribed_at = excluded.subscribed_at,
                               unsubscribed_at = null
                         where case_subscriptions.unsubscribed_at is not null
                        """)
                .param("number", number)
                .param("email", key(email))
                .param("reason", reason)
                .param("token", UUID.randomUUID())
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Ends the subscription; false when there was none. */
    boolean unsubscribe(String number, String email, Instant at) {
        return jdbc.sql("update case_subscriptions set token = null, unsubscribed_at = ?"
                        + " where case_number = ? and email = ? and unsubscribed_at is null")
                .params(Timestamp.from(at), number, key(email))
                .update() == 1;
    }

    /** Ends the subscription whose token this is, once: empty when no active subscription has it. */
    Optional<Subscription> unsubscribe(UUID token, Instant at) {
        return jdbc.sql("update case_subscriptions set token = null, unsubscribed_at = ? where token = ?"
                        + " returning case_number, email, reason, token")
                .params(Timestamp.from(at), token)
                .query(Subscribers::subscription)
                .optional();
    }

    Optional<Subscription> byToken(UUID token) {
        return jdbc.sql("select case_number, email, reason, token from case_subscriptions where token = ?")
                .param(token).query(Subscribers::subscription).optional();
    }

    boolean active(String number, String email) {
        return jdbc.sql("select exists (select 1 from case_subscriptions where case_number = ? and email = ?"
                        + " and unsubscribed_at is null)")
                .params(number, key(email)).query(Boolean.class).single();
    }

    /** The active subscriptions of a case, by address. */
    List<Subscription> active(String number) {
        return jdbc.sql("select case_number, email, reason, token from case_subscriptions"
                        + " where case_number = ? and unsubscribed_at is null order by email")
                .param(number).query(Subscribers::subscription).list();
    }

    private static Subscription subscription(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class));
    }
}
