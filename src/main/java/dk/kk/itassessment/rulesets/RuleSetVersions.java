package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored rule-set versions (tables {@code rule_set_versions}, {@code rule_set_files}). A version's files never
 * change; of a version only its status, its approval (once) and its activation do (the database enforces it).
 */
@Repository
class RuleSetVersions {

    /** Announced when a version became active: every instance follows. */
    static final String ACTIVATED_CHANNEL = "ruleset_activated";
    /** Announced when a version is approved or about to be activated: every instance compiles it ahead. */
    static final String PREPARE_CHANNEL = "ruleset_prepare";

    /** Serialises what changes which version is active, across instances (and the first import at start-up). */
    private static final long ACTIVATION_LOCK = 0x7275_6c65_7365_74L; // "ruleset"

    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    RuleSetVersions(JdbcClient jdbc, JsonMapper json, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static final String COLUMNS = "v.id, v.fingerprint, v.status, v.valid, v.comment, v.created_by, v.created_at,"
            + " v.approved_by, v.approved_at, v.activated_by, v.activated_at, v.base_id, v.report::text,"
            + " array(select f.path from rule_set_files f where f.version_id = v.id and f.path like 'decision-tables/%'"
            + " and f.path not like 'decision-tables/scenarios/%' order by f.path)";

    /** The id the next version will have, taken now: a version is compiled under its id before it is stored. */
    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('rule_set_versions', 'id'))").query(Long.class).single();
    }

    /** Stores a new version with its files under an id from {@link #nextId()}. */
    void insert(long id, RuleFiles files, RuleSetVersion.Status status, boolean valid, Long base, String comment,
                String createdBy, Instant at, JsonNode report, String activatedBy) {
        jdbc.sql("""
                insert into rule_set_versions (id, fingerprint, status, valid, base_id, comment, created_by, created_at,
                                               activated_by, activated_at, report)
                overriding system value
                values (:id, :fingerprint, :status, :valid, :base, :comment, :by, :at, :activatedBy, :activatedAt, cast(:report as json))
                """)
                .param("id", id)
                .param("fingerprint", files.fingerprint())
                .param("status", status.name())
                .param("valid", valid)
                .param("base", base)
                .param("comment", comment)
                .param("by", createdBy)
                .param("at", Timestamp.from(at))
                .param("activatedBy", activatedBy)
                .param("activatedAt", activatedBy == null ? null : Timestamp.from(at))
                .param("report", json.writeValueAsString(report))
                .update();
        files.files().forEach((path, bytes) -> jdbc.sql("insert into rule_set_files (version_id, path, content) values (?, ?, ?)")
                .params(id, path, bytes).update());
    }

    Optional<RuleSetVersion> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_versions v where v.id = :id").param("id", id)
                .query(this::version).optional();
    }

    Optional<RuleSetVersion> findByFingerprint(String fingerprint) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_versions v where v.fingerprint = :fingerprint")
                .param("fingerprint", fingerprint).query(this::version).optional();
    }

    Optional<RuleSetVersion> active() {
        return jdbc.sql("select " + COLUMNS + " from rule_set_versions v where v.status = 'ACTIVE'")
                .query(this::version).optional();
    }

    /** The id of the active version, read cheaply (the instances' poll). */
    Optional<Long> activeId() {
        return jdbc.sql("select id from rule_set_versions where status = 'ACTIVE'").query(Long.class).optional();
    }

    /** A page of versions, newest first; without the withdrawn drafts unless {@code withdrawn}. */
    List<RuleSetVersion> newest(int limit, long offset, boolean withdrawn) {
        return jdbc.sql("select " + COLUMNS + " from rule_set_versions v" + (withdrawn ? "" : " where v.status <> 'WITHDRAWN'")
                        + " order by v.id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(this::version).list();
    }

    long count(boolean withdrawn) {
        return jdbc.sql("select count(*) from rule_set_versions" + (withdrawn ? "" : " where status <> 'WITHDRAWN'"))
                .query(Long.class).single();
    }

    long count() {
        return count(true);
    }

    /** Withdraws a draft; false when it is no draft (any more). */
    boolean withdraw(long id) {
        return jdbc.sql("update rule_set_versions set status = 'WITHDRAWN' where id = :id and status = 'DRAFT'")
                .param("id", id).update() == 1;
    }

    RuleFiles files(long id) {
        Map<String, byte[]> files = new HashMap<>();
        jdbc.sql("select path, content from rule_set_files where version_id = :id").param("id", id)
                .query((ResultSet rs) -> {
                    files.put(rs.getString(1), rs.getBytes(2));
                });
        return new RuleFiles(files);
    }

    boolean approve(long id, String by, Instant at) {
        return jdbc.sql("update rule_set_versions set approved_by = :by, approved_at = :at"
                        + " where id = :id and approved_by is null and status = 'DRAFT'")
                .param("by", by).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Takes the activation lock until the transaction ends. */
    void lockActivation() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ACTIVATION_LOCK).query((ResultSet rs) -> { });
    }

    /**
     * Retires the active version and makes {@code id} active (false when it was withdrawn); in the caller's
     * transaction, under {@link #lockActivation()}.
     */
    boolean activate(long id, String by, Instant at) {
        jdbc.sql("update rule_set_versions set status = 'RETIRED' where status = 'ACTIVE' and id <> :id").param("id", id).update();
        return jdbc.sql("update rule_set_versions set status = 'ACTIVE', activated_by = :by, activated_at = :at"
                        + " where id = :id and status <> 'WITHDRAWN'")
                .param("by", by).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Tells every instance listening on {@code channel}; delivered when the transaction commits. */
    void announce(String channel, String payload) {
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload)
                .query((ResultSet rs) -> { });
    }

    /** Tells every instance now, outside any transaction of the caller's. */
    void announceNow(String channel, String payload) {
        ownTransaction.execute(status -> {
            announce(channel, payload);
            return null;
        });
    }

    private RuleSetVersion version(ResultSet rs, int row) throws SQLException {
        long base = rs.getLong(12);
        boolean noBase = rs.wasNull();
        String[] tables = (String[]) rs.getArray(14).getArray();
        return new RuleSetVersion(Long.toString(rs.getLong(1)), rs.getString(2),
                RuleSetVersion.Status.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                instant(rs.getTimestamp(7)), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10),
                instant(rs.getTimestamp(11)), noBase ? null : Long.toString(base),
                java.util.Arrays.stream(tables).map(Tables::name).toList(), json.readTree(rs.getString(13)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
