package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentStored;
import dk.kk.itassessment.assessment.AssessmentView;
import dk.kk.itassessment.assessment.AssessmentsStored;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored assessments (table {@code assessments}) and their entries in the audit trail; answers are read back as
 * the JSON text they were given in.
 */
@Repository
class Assessments {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final AnswerParts parts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    Assessments(JdbcClient jdbc, JsonMapper json, AuditTrail audit, AnswerParts parts,
                TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.parts = parts;
    }

    /** The assessments with their answers as given, put together from their parts (assessment_answer). */
    private static final String WITH_ANSWERS = " from assessments left join answer_parts c on c.sha256 = checklist_part"
            + " left join answer_parts e on e.sha256 = explanation_part";
    private static final String ANSWER = "assessment_answer(answer, c.body, e.body)";
    private static final String STORED = "select " + ANSWER + ", body_sha256, submitted_by, requester_email" + WITH_ANSWERS;

    /**
     * An assessment to store and its entry in the audit trail, serialised on the request's thread ({@link #row}), so
     * that the {@link AssessmentWriter}'s one thread only sends them. {@code registryVersion}: see
     * {@link AssessmentStore.NewAssessment}. {@code answer}:
     * the JSON sent, in UTF-8, and the parts it is stored in ({@link AnswerParts}). {@code stored}: the event
     * published when it is stored, in the storing transaction.
     */
    record Row(UUID id, String caseNumber, Timestamp assessedAt, String route, String institution, String email,
               String request, String lookups, AnswerParts.Split answer, String version, String fingerprint,
               String idempotencyKey, String bodySha256, String submittedBy, String decision, long registryVersion,
               AuditTrail.Entry entry, AssessmentStored stored) {
    }

    /** The row of a decided assessment, serialised on the request's thread. No personal data in the trail: it cannot be edited. */
    Row row(AssessmentStore.NewAssessment a, AnswerParts.Split answer) {
        AssessmentView view = a.answer();
        Map<String, Object> facts = Map.of("route", view.route(), "ruleset", view.ruleset().fingerprint(),
                "idempotencyKey", a.idempotencyKey() != null);
        return new Row(view.id(), view.caseNumber(), Timestamp.from(view.assessedAt()), view.route(),
                a.institutionKey(), a.requesterEmail(), json.writeValueAsString(view.request()),
                json.writeValueAsString(a.matches()), answer, view.ruleset().version(), view.ruleset().fingerprint(),
                a.idempotencyKey(), a.bodySha256(), a.submitter(), json.writeValueAsString(DecisionColumn.of(view)),
                a.registryVersion(), audit.entry(a.actor(), "assessment.stored", "assessment/" + view.id(), facts),
                new AssessmentStored(view.id(), view.caseNumber(), view.assessedAt(), a.submitter(), a.request(),
                        a.evaluation()));
    }

    /**
     * Stores the rows and their entries in the audit trail, in one statement, and publishes one
     * {@link AssessmentsStored} for the rows stored, in the same transaction (a listener that throws rolls all of them
     * back); returns the ids
     * of those stored. A row is not stored when another assessment of the same submitter holds its idempotency key
     * (a key is its caller's own), stored before or earlier in {@code rows} (so concurrent retries with the same key
     * store exactly one), nor when its registry version is no longer the registry's (it was decided on a registry
     * that has changed since). The rows go in the order of their submitters and keys, so that two instances storing
     * the same keys at once take their locks in the same order rather than each waiting for the other.
     */
    Set<UUID> insert(List<Row> given) {
        storeParts(given); // committed on its own, before the transaction of the rows
        Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        List<Row> rows = given.stream()
                .sorted(Comparator.comparing(Row::submittedBy, nullsFirst)
                        .thenComparing(Row::idempotencyKey, nullsFirst))
                .toList();
        Map<String, Object> parameters = new HashMap<>();
        Map<UUID, AuditTrail.Entry> entries = new LinkedHashMap<>();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            values.append(i == 0 ? "" : ", ").append(INSERT_VALUES.replace("#", Integer.toString(i)));
            parameters.put("id" + i, row.id());
            parameters.put("caseNumber" + i, row.caseNumber());
            parameters.put("assessedAt" + i, row.assessedAt());
            parameters.put("route" + i, row.route());
            parameters.put("institution" + i, row.institution());
            parameters.put("email" + i, row.email());
            parameters.put("request" + i, row.request());
            parameters.put("lookups" + i, row.lookups());
            parameters.put("answer" + i, row.answer().rest());
            parameters.put("checklist" + i, row.answer().checklist().sha256());
            parameters.put("explanation" + i, row.answer().explanation().sha256());
            parameters.put("version" + i, row.version());
            parameters.put("fingerprint" + i, row.fingerprint());
            parameters.put("key" + i, row.idempotencyKey());
            parameters.put("hash" + i, row.bodySha256());
            parameters.put("submittedBy" + i, row.submittedBy());
            parameters.put("decision" + i, row.decision());
            parameters.put("registryVersion" + i, row.registryVersion());
            entries.put(row.id(), row.entry());
        }
        String change = INSERT + values + ") as v (" + COLUMNS + ", registry_version)"
                + " where v.registry_version = (select version from registry_version)"
                + " on conflict (submitted_by, idempotency_key) do nothing returning id as key";
        try {
            return transactions.execute(transaction -> {
                Set<UUID> stored = new HashSet<>(audit.recordEach(change, parameters, entries, UUID.class));
                List<AssessmentStored> each = rows.stream().filter(row -> stored.contains(row.id()))
                        .map(Row::stored).toList();
                if (!each.isEmpty()) {
                    events.publishEvent(new AssessmentsStored(each));
                }
                return stored;
            });
        } catch (DataIntegrityViolationException e) { // a part remembered as stored may be missing: store them again
            parts.forgetStored();
            throw e;
        }
    }

    /**
     * Stores the answer parts of {@code rows} not known to be stored yet, committed on their own before the rows that
     * refer to them (a part no row refers to in the end harms nothing; one stored is never removed).
     */
    private void storeParts(List<Row> rows) {
        List<AnswerParts.Part> missing = parts.notStored(rows.stream()
                .flatMap(row -> Stream.of(row.answer().checklist(), row.answer().explanation()))
                .toList());
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(PART_VALUES.replace("#", Integer.toString(i)));
        }
        var statement = jdbc.sql("insert into answer_parts (sha256, body) values " + values
                + " on conflict (sha256) do nothing");
        for (int i = 0; i < missing.size(); i++) {
            statement.param("sha" + i, missing.get(i).sha256()).param("body" + i, missing.get(i).body());
        }
        statement.update();
        parts.stored(missing);
    }

    private static final String PART_VALUES = "(cast(:sha# as text), convert_from(cast(:body# as bytea), 'UTF8'))";

    private static final String COLUMNS = "id, case_number, assessed_at, route, institution_key, requester_email, request, lookups, "
            + "answer, checklist_part, explanation_part, ruleset_version, ruleset_fingerprint, idempotency_key, "
            + "body_sha256, submitted_by, decision";
    private static final String INSERT = "insert into assessments (" + COLUMNS + ") select " + COLUMNS
            + " from (values ";
    /** One row's values in {@link #INSERT}, its parameters numbered {@code #}; typed, as they are not the table's. */
    private static final String INSERT_VALUES = "(cast(:id# as uuid), cast(:caseNumber# as text), cast(:assessedAt# as timestamptz), "
            + "cast(:route# as text), cast(:institution# as text), cast(:email# as text), cast(:request# as jsonb), "
            + "cast(:lookups# as jsonb), convert_from(cast(:answer# as bytea), 'UTF8'), cast(:checklist# as text), "
            + "cast(:explanation# as text), cast(:version# as text), cast(:fingerprint# as text), "
            + "cast(:key# as text), cast(:hash# as text), cast(:submittedBy# as text), cast(:decision# as jsonb), "
            + "cast(:registryVersion# as bigint))";

    Optional<AssessmentStore.Stored> find(UUID id) {
        return jdbc.sql(STORED + " where id = :id").param("id", id).query(Assessments::stored).optional();
    }

    /** The request of a stored assessment, as received (JSON text). */
    Optional<String> request(UUID id) {
        return jdbc.sql("select request::text from assessments where id = :id").param("id", id).query(String.class)
                .optional();
    }

    /**
     * The explanations of the assessments {@code version} decided since {@code since}, each distinct one once (most
     * share their stored part, V24) with how many assessments got it.
     */
    List<AssessmentStore.Explanations> explanations(String version, Instant since) {
        return jdbc.sql("select coalesce(e.body, (a.answer::json -> 'explanation')::text), count(*) from assessments a"
                        + " left join answer_parts e on e.sha256 = a.explanation_part"
                        + " where a.ruleset_version = :version and a.assessed_at >= :since group by 1")
                .param("version", version).param("since", Timestamp.from(since))
                .query((rs, row) -> new AssessmentStore.Explanations(rs.getString(1), rs.getLong(2))).list();
    }

    /** The assessment {@code submitter} stored with the idempotency key {@code key}. */
    Optional<AssessmentStore.Stored> findByIdempotencyKey(String submitter, String key) {
        return jdbc.sql(STORED + " where submitted_by = :submitter and idempotency_key = :key")
                .param("submitter", submitter).param("key", key)
                .query(Assessments::stored).optional();
    }

    private static AssessmentStore.Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AssessmentStore.Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static final String RECORDED = "select id, assessed_at, ruleset_version, ruleset_fingerprint, decision::text, "
            + "request::text, lookups::text from assessments";

    Optional<AssessmentStore.Recorded> recorded(UUID id) {
        return jdbc.sql(RECORDED + " where id = :id").param("id", id).query(Assessments::recorded).optional();
    }

    List<AssessmentStore.Recorded> newest(int limit, java.time.Instant afterAt, UUID afterId) {
        String where = afterAt == null ? "" : " where (assessed_at, id) < (:at, :id)";
        var statement = jdbc.sql(RECORDED + where + " order by assessed_at desc, id desc limit :limit");
        if (afterAt != null) {
            statement = statement.param("at", Timestamp.from(afterAt)).param("id", afterId);
        }
        return statement.param("limit", limit).query(Assessments::recorded).list();
    }

    private static AssessmentStore.Recorded recorded(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AssessmentStore.Recorded(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /** The answers, newest first; {@code route}, {@code institutionKey} and {@code reader} filter when not null. */
    List<String> page(String route, String institutionKey, AssessmentStore.Reader reader, Paging paging) {
        Filter filter = filter(route, institutionKey, reader);
        var statement = jdbc.sql("select " + ANSWER + WITH_ANSWERS + filter.where
                + " order by assessed_at desc, id desc limit :limit offset :offset");
        filter.params.forEach(statement::param);
        return statement.param("limit", paging.size()).param("offset", paging.offset()).query(String.class).list();
    }

    long count(String route, String institutionKey, AssessmentStore.Reader reader) {
        Filter filter = filter(route, institutionKey, reader);
        var statement = jdbc.sql("select count(*) from assessments" + filter.where);
        filter.params.forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(String route, String institutionKey, AssessmentStore.Reader reader) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (route != null) {
            conditions.add("route = :route");
            params.put("route", route);
        }
        if (institutionKey != null) {
            conditions.add("institution_key = :institution");
            params.put("institution", institutionKey);
        }
        if (reader != null) {
            params.put("submitter", reader.username());
            if (reader.email() == null) {
                conditions.add("submitted_by = :submitter");
            } else {
                conditions.add("(submitted_by = :submitter or lower(requester_email) = lower(:email))");
                params.put("email", reader.email());
            }
        }
        return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }
}
