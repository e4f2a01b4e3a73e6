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
 * ({@link #recordEach}: in the change's own statement), without a lock, so that changes commit side by side; the
 * {@link Sealer} chains pending entries in the order they were inserted, soon after the commit. Reading the trail
 * ({@link #page}, {@link #count}, {@link #verify}) seals first, so readers see every entry committed before they
 * asked, chained.
 */
@Service
public class AuditTrail {

    private static final int VERIFY_BATCH = 1000;
    private static final String INSERT = "insert into audit_entries (at, actor, action, target, details)";
    /** One entry's values in {@link #recordEach}, its parameters (and its place, the last) numbered {@code #}. */
    private static final String ENTRY_VALUES =
            "(:auditKey#, :auditAt#, :auditActor#, :auditAction#, :auditTarget#, :auditDetails#, #)";
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
        Entry entry = entry(actor, action, target, details);
        jdbc.sql(INSERT + " values (:at, :actor, :action, :target, cast(:details as jsonb))")
                .param("at", entry.at())
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("details", entry.details())
                .update();
        sealer.afterCommit();
    }

    /** An entry to append with a change ({@link #recordEach}): checked, its details canonical, its time taken. */
    public record Entry(OffsetDateTime at, String actor, String action, String target, String details) {
    }

    /** The entry {@link #record} would append now, for {@link #recordEach}; refused like there. */
    public Entry entry(String actor, String action, String target, Map<String, ?> details) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        JsonNode facts = json.valueToTree(details == null ? Map.of() : details);
        if (!facts.isObject()) {
            throw new IllegalArgumentException("details must be a JSON object");
        }
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        return new Entry(at.atOffset(ZoneOffset.UTC), actor, action, target, Chain.canonical(facts));
    }

    /**
     * Makes a change of one or more rows and appends an entry for each row it changed, in one statement committed
     * on its own: {@code change} is a data-modifying statement that returns, for each row it changed, the row's key
     * in a column named {@code key} (e.g. {@code insert … values (…), (…) on conflict do nothing returning id as
     * key}, the key unique to the row, e.g. its primary key); for each key it returns, {@code entries.get(key)} is
     * appended, in the order of {@code entries}. A key returned without an entry fails the change whole (the entry's
     * columns may not be null). One round trip and one commit, where a change and {@link #record} in a transaction
     * take three round trips, for each change: for changes made at volume, the stored assessments
     * ({@code AssessmentWriter}). {@code change} is a constant of
     * the caller's code (it becomes part of the statement's text; values go in {@code parameters}) without a WITH
     * clause of its own; its named parameters must not start with {@code audit} (refused: the entries' are so).
     *
     * @return the keys of the rows changed
     */
    public <K> List<K> recordEach(String change, Map<String, ?> parameters, Map<K, Entry> entries, Class<K> keyType) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("audit")) {
                throw new IllegalArgumentException("A change's parameter may not be named audit…: " + name);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("No entries: a change recorded here appends at least one");
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(ENTRY_VALUES.replace("#", Integer.toString(i)));
        }
        var statement = jdbc.sql("with change as (" + change + "), appended as (" + INSERT
                + " select e.at, e.actor, e.action, e.target, cast(e.details as jsonb) from change left join (values "
                + values + ") as e (key, at, actor, action, target, details, n) on e.key = change.key order by e.n"
                + " returning 1) select key from change");
        parameters.forEach(statement::param);
        int i = 0;
        for (Map.Entry<K, Entry> keyed : entries.entrySet()) {
            Entry entry = keyed.getValue();
            statement.param("auditKey" + i, keyed.getKey())
                    .param("auditAt" + i, entry.at())
                    .param("auditActor" + i, entry.actor())
                    .param("auditAction" + i, entry.action())
                    .param("auditTarget" + i, entry.target())
                    .param("auditDetails" + i, entry.details());
            i++;
        }
        List<K> changed = statement.query(keyType).list();
        if (!changed.isEmpty()) {
            sealer.afterCommit();
        }
        return changed;
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
