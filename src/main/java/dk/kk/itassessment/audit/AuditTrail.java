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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident audit trail (table {@code audit_entries}): every change is appended with its actor, time,
 * action, target and details, hashed together with the hash of the entry before it (see {@link Chain}). The
 * database refuses to update or delete entries; {@link #verify()} finds an entry changed behind its back.
 */
@Service
public class AuditTrail {

    /** The advisory lock that serialises appends, so that two entries never follow the same one. */
    private static final long CHAIN_LOCK = 0x6175_6469_745FL; // "audit_"
    private static final int VERIFY_BATCH = 1000;
    private static final String COLUMNS = "seq, at, actor, action, target, details::text as details, previous_hash, hash";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Reads details back with every decimal digit, as PostgreSQL keeps them. */
    private final JsonMapper exact;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.exact = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction when there is one (so it exists exactly when the change
     * committed), else in a transaction of its own. Call it last in the transaction: it holds the chain's lock
     * until the commit. {@code details} are facts about the change (numbers, flags, codes), never personal data:
     * the trail cannot be edited. Needs READ COMMITTED (the default): a transaction that took its snapshot before
     * the lock cannot see the newest entry, and its append is refused by the database rather than forking the chain.
     *
     * @param target what changed, as {@code kind/id} (e.g. {@code supplier/8c1e…})
     */
    @Transactional
    public void record(String actor, String action, String target, Map<String, ?> details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        JsonNode facts = json.valueToTree(details == null ? Map.of() : details);
        if (!facts.isObject()) {
            throw new IllegalArgumentException("details must be a JSON object");
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> n).single();
        // a statement of its own after the lock: under READ COMMITTED it sees the entry appended just before
        Head head = jdbc.sql("""
                        select (select hash from audit_entries order by seq desc limit 1) as previous_hash,
                               nextval(pg_get_serial_sequence('audit_entries', 'seq')) as seq
                        """)
                .query((rs, n) -> new Head(rs.getString("previous_hash"), rs.getLong("seq")))
                .single();
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        jdbc.sql("""
                        insert into audit_entries (seq, at, actor, action, target, details, previous_hash, hash)
                        values (:seq, :at, :actor, :action, :target, cast(:details as jsonb), :previous, :hash)
                        """)
                .param("seq", head.seq())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("details", Chain.canonical(facts))
                .param("previous", head.previousHash())
                .param("hash", Chain.hash(head.previousHash(), head.seq(), at, actor, action, target, facts))
                .update();
    }

    private record Head(String previousHash, long seq) {
    }

    /** The entries, newest first. */
    List<AuditEntry> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from audit_entries order by seq desc limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from audit_entries").query(Long.class).single();
    }

    /**
     * Walks the chain in order, computing every hash again: intact when each entry's hash is its own and names the
     * entry before it; otherwise the first entry where that fails.
     */
    Verification verify() {
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
                exact.readTree(rs.getString("details")), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
