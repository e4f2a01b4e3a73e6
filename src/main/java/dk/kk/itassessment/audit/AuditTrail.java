package dk.kk.itassessment.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident audit trail (table {@code audit_entries}): every change is appended with its actor, time,
 * action, target and details, hashed together with the hash of the entry before it (see {@link Chain}). The
 * database refuses to update or delete entries; {@link #verify()} finds an entry changed behind its back.
 *
 * <p>An outbox: {@link #record} inserts the entry pending (no seq, no hash) in the change's transaction
 * ({@link #recordWith}: in the change's own statement), without a lock, so that changes commit side by side; the
 * {@link Sealer} chains pending entries in the order they were inserted, soon after the commit. Reading the trail
 * ({@link #page}, {@link #count}, {@link #verify}) seals first, so readers see every entry committed before they
 * asked, chained.
 */
@Service
public class AuditTrail {

    private static final int VERIFY_BATCH = 1000;
    private static final String INSERT = "insert into audit_entries (at, actor, action, target, details)";
    private static final String COLUMNS = "seq, at, actor, action, target, details::text as details, previous_hash, hash";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Sealer sealer;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, Sealer sealer) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.sealer = sealer;
    }

    /**
     * Appends an entry in the caller's transaction when there is one (so it exists exactly when the change
     * committed), else in a transaction of its own. The entry is chained (given its seq and hash) after the commit.
     * {@code details} are facts about the change (numbers, flags, codes), never personal data: the trail cannot be
     * edited.
     *
     * @param target what changed, as {@code kind/id} (e.g. {@code supplier/8c1e…})
     */
    @Transactional
    public void record(String actor, String action, String target, Map<String, ?> details) {
        entry(jdbc.sql(INSERT
                        + " values (:auditAt, :auditActor, :auditAction, :auditTarget, cast(:auditDetails as jsonb))"),
                actor, action, target, details).update();
        sealer.afterCommit();
    }

    /**
     * Makes a change and appends its entry in one statement: {@code change} is a data-modifying statement that
     * returns one row when it changed something and none when it did not (e.g. {@code insert … on conflict do
     * nothing returning 1}); the entry is appended exactly when it returned the row. A change that returns more
     * rows fails whole, entry and change (a scalar subquery refuses them). One round trip, where a change and
     * {@link #record} in a transaction take three (the change, the entry, the commit): for a change made at volume,
     * a stored assessment. {@code change} is a constant of the caller's code (it becomes part of the statement's
     * text; values go in {@code parameters}) without a WITH clause of its own; its named parameters must not start
     * with {@code audit} (refused: the entry's own are named so).
     *
     * @return whether the change returned its row (and so the entry was appended)
     */
    public boolean recordWith(String change, Map<String, ?> parameters, String actor, String action, String target,
                              Map<String, ?> details) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("audit")) {
                throw new IllegalArgumentException("A change's parameter may not be named audit…: " + name);
            }
        }
        var statement = jdbc.sql("with change as (" + change + ") " + INSERT
                + " select :auditAt, :auditActor, :auditAction, :auditTarget, cast(:auditDetails as jsonb)"
                + " where (select 1 from change) is not null");
        parameters.forEach(statement::param);
        boolean appended = entry(statement, actor, action, target, details).update() == 1;
        if (appended) {
            sealer.afterCommit();
        }
        return appended;
    }

    private JdbcClient.StatementSpec entry(JdbcClient.StatementSpec statement, String actor, String action,
                                           String target, Map<String, ?> details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        JsonNode facts = json.valueToTree(details == null ? Map.of() : details);
        if (!facts.isObject()) {
            throw new IllegalArgumentException("details must be a JSON object");
        }
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        return statement.param("auditAt", at.atOffset(ZoneOffset.UTC))
                .param("auditActor", actor)
                .param("auditAction", action)
                .param("auditTarget", target)
                .param("auditDetails", Chain.canonical(facts));
    }

    /** Chains every entry committed so far (the sealer does it soon anyway); returns how many it chained. */
    public int seal() {
        return sealer.sealPending();
    }

    /** The entries, newest first. */
    List<AuditEntry> page(int page, int size) {
        sealer.sealPending();
        return jdbc.sql("select " + COLUMNS
                        + " from audit_entries where seq is not null order by seq desc limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
    }

    /** The entries chained so far. */
    long count() {
        return jdbc.sql("select count(*) from audit_entries where seq is not null").query(Long.class).single();
    }

    /**
     * Walks the chain in order, computing every hash again: intact when each entry's hash is its own and names the
     * entry before it; otherwise the first entry where that fails. Seals first: every entry committed before the
     * call is in the walk, none is skipped for being pending.
     */
    Verification verify() {
        sealer.sealPending();
        long entries = 0;
        Long firstBroken = null;
        String previousHash = null;
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("select " + COLUMNS
                            + " from audit_entries where seq > :after order by seq limit :limit")
                    .param("after", after)
                    .param("limit", VERIFY_BATCH)
                    .query(this::row)
                    .list();
            for (AuditEntry entry : batch) {
                entries++;
                if (firstBroken == null && !(Objects.equals(entry.previousHash(), previousHash)
                        && entry.hash().equals(Chain.hash(entry.previousHash(), entry.seq(), entry.at(),
                        entry.actor(), entry.action(), entry.target(), entry.details())))) {
                    firstBroken = entry.seq();
                }
                previousHash = entry.hash();
                after = entry.seq();
            }
            if (batch.size() < VERIFY_BATCH) {
                return new Verification(firstBroken == null, entries, firstBroken);
            }
        }
    }

    private AuditEntry row(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                Chain.details(rs.getString("details")), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
