package dk.kk.itassessment.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail outbox (table {@code mail_outbox}, V34): one row per e-mail, written in the transaction of the change it
 * tells of, taken by the sender one at a time ({@code for update skip locked}) once it is due.
 */
@Repository
class Outbox {

    static final String COLUMNS = "id, message_id, case_number, recipient, reason, solution, unsubscribe_token, "
            + "events::text as events, status, created_at, due_at, attempts, last_error, sent_at";

    /** A row: the mail to compose and where it stands. */
    record Row(long id, String messageId, String caseNumber, String recipient, String reason, String solution,
               UUID unsubscribeToken, String events, String status, Instant createdAt, Instant dueAt, int attempts,
               String lastError, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds {@code lines} to the recipient's batch of the case: the PENDING row not yet tried that still collects,
     * its due time moved to {@code at + window} (no later than it collects); else a new row. The rows of one case
     * are written under the case's lock (every change of a case locks it), so a recipient has one open batch.
     */
    void append(String caseNumber, String recipient, String reason, String solution, UUID token,
                List<EventTexts.Line> lines, Instant at, MailSettings settings, String domain) {
        String events = json.writeValueAsString(lines);
        Timestamp due = Timestamp.from(at.plus(settings.batchWindow()));
        int joined = jdbc.sql("""
                        update mail_outbox set events = events || cast(:events as jsonb),
                               due_at = least(:due, collect_until), reason = :reason, solution = :solution,
                               unsubscribe_token = :token
                         where id = (select id from mail_outbox
                                      where case_number = :number and recipient = :recipient and status = 'PENDING'
                                        and attempts = 0 and due_at > :at and collect_until > :at
                                      order by id desc limit 1 for update skip locked)
                        """)
                .param("events", events)
                .param("due", due)
                .param("reason", reason)
                .param("solution", solution)
                .param("token", token, Types.OTHER)
                .param("number", caseNumber)
                .param("recipient", recipient)
                .param("at", Timestamp.from(at))
                .update();
        if (joined == 0) {
            jdbc.sql("""
                            insert into mail_outbox (message_id, case_number, recipient, reason, solution,
                                                     unsubscribe_token, events, created_at, collect_until, due_at)
                            values (:messageId, :number, :recipient, :reason, :solution, :token, cast(:events as jsonb),
                                    :at, :collectUntil, :due)
                            """)
                    .param("messageId", "<" + UUID.randomUUID() + "@" + domain + ">")
                    .param("number", caseNumber)
                    .param("recipient", recipient)
                    .param("reason", reason)
                    .param("solution", solution)
                    .param("token", token, Types.OTHER)
                    .param("events", events)
                    .param("at", Timestamp.from(at))
                    .param("collectUntil", Timestamp.from(at.plus(settings.batchMax())))
                    .param("due", due)
                    .update();
        }
    }

    /** The first mail of a case's recipient: a batch of its own (nothing of a case just opened collects yet). */
    record NewMail(String caseNumber, String recipient, String reason, String solution, UUID token,
                   List<EventTexts.Line> lines, Instant at) {
    }

    /**
     * Writes each of {@code mails} as a new batch, in one statement (the receipts of the cases opened together): due
     * {@code at + window}, collecting until {@code at + max}, as {@link #append} writes a first one.
     */
    void insertNew(List<NewMail> mails, MailSettings settings, String domain) {
        if (mails.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into mail_outbox (message_id, case_number, recipient, reason, solution,
                                                 unsubscribe_token, events, created_at, collect_until, due_at)
                        select m, n, r, w, s, cast(t as uuid), cast(e as jsonb), a, a + cast(:max as interval),
                               a + cast(:window as interval)
                          from unnest(:messageIds, :numbers, :recipients, :reasons, :solutions, :tokens, :events,
                                      cast(:at as timestamptz[])) with ordinality as v (m, n, r, w, s, t, e, a, o)
                         order by o
                        """)
                .param("messageIds", mails.stream().map(m -> "<" + UUID.randomUUID() + "@" + domain + ">")
                        .toArray(String[]::new))
                .param("numbers", mails.stream().map(NewMail::caseNumber).toArray(String[]::new))
                .param("recipients", mails.stream().map(NewMail::recipient).toArray(String[]::new))
                .param("reasons", mails.stream().map(NewMail::reason).toArray(String[]::new))
                .param("solutions", mails.stream().map(NewMail::solution).toArray(String[]::new))
                .param("tokens", mails.stream().map(m -> m.token() == null ? null : m.token().toString())
                        .toArray(String[]::new))
                .param("events", mails.stream().map(m -> json.writeValueAsString(m.lines())).toArray(String[]::new))
                .param("at", mails.stream().map(m -> m.at().toString()).toArray(String[]::new))
                .param("max", settings.batchMax().toMillis() + " milliseconds")
                .param("window", settings.batchWindow().toMillis() + " milliseconds")
                .update();
    }

    /** The next due mail, locked until the caller's transaction ends; one another sender holds is skipped. */
    Optional<Row> claimNext(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where status = 'PENDING' and due_at <= ?"
                        + " order by due_at, id limit 1 for update skip locked")
                .param(Timestamp.from(now))
                .query(Outbox::row)
                .optional();
    }

    void sent(long id, int attempts, Instant at) {
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                .params(attempts, Timestamp.from(at), id).update();
    }

    void retry(long id, int attempts, String error, Instant due) {
        jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, due_at = ? where id = ?")
                .params(attempts, error, Timestamp.from(due), id).update();
    }

    void failed(long id, int attempts, String error) {
        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                .params(attempts, error, id).update();
    }

    List<Row> page(String status, long offset, int size) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where (cast(:status as text) is null or status = :status)"
                        + " order by id desc offset :offset limit :size")
                .param("status", status, Types.VARCHAR)
                .param("offset", offset)
                .param("size", size)
                .query(Outbox::row)
                .list();
    }

    long count(String status) {
        return jdbc.sql("select count(*) from mail_outbox where (cast(:status as text) is null or status = :status)")
                .param("status", status, Types.VARCHAR)
                .query(Long.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("case_number"),
                rs.getString("recipient"), rs.getString("reason"), rs.getString("solution"),
                rs.getObject("unsubscribe_token", UUID.class), rs.getString("events"), rs.getString("status"),
                instant(rs, "created_at"), instant(rs, "due_at"), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
