package dk.kk.itassessment.assessment;

import dk.kk.itassessment.audit.AuditTrail;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
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

    Assessments(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /**
     * A stored answer, the hash of the body its idempotency key was used with (null without a key), who submitted
     * it (null before there were accounts) and the requester's e-mail address.
     */
    record Stored(String answer, String bodySha256, String submittedBy, String requesterEmail) {

        /** Whether {@code reader} may read it; a null reader reads everything. */
        boolean readableBy(Reader reader) {
            return reader == null || reader.username().equals(submittedBy)
                    || reader.email() != null && reader.email().equalsIgnoreCase(requesterEmail);
        }
    }

    /** A caller who reads only their own: those they submitted, or with their e-mail address as the requester's. */
    record Reader(String username, String email) {
    }

    private static final String STORED = "select answer, body_sha256, submitted_by, requester_email from assessments";

    /**
     * Stores the assessment and its entry in the audit trail unless another one already holds its idempotency key
     * (then nothing is stored and false is returned). One statement, committed on its own: concurrent retries with
     * the same key store exactly one, and the request costs one round trip to the database where a transaction of
     * two inserts took three. {@code actor} is the audit trail's ({@link dk.kk.itassessment.audit.Actors}). No
     * personal data in the trail: it cannot be edited.
     */
    boolean insert(AssessmentView view, String answer, StoredLookups lookups, String institutionKey,
                   String requesterEmail, String submittedBy, String idempotencyKey, String bodySha256, String actor) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", view.id());
        parameters.put("assessedAt", Timestamp.from(view.assessedAt()));
        parameters.put("route", view.route());
        parameters.put("institution", institutionKey);
        parameters.put("email", requesterEmail);
        parameters.put("request", json.writeValueAsString(view.request()));
        parameters.put("lookups", json.writeValueAsString(lookups));
        parameters.put("answer", answer);
        parameters.put("version", view.ruleset().version());
        parameters.put("fingerprint", view.ruleset().fingerprint());
        parameters.put("key", idempotencyKey);
        parameters.put("hash", bodySha256);
        parameters.put("submittedBy", submittedBy);
        parameters.put("decision", json.writeValueAsString(RecordedDecisions.column(view)));
        Map<String, Object> facts = Map.of("route", view.route(), "ruleset", view.ruleset().fingerprint(),
                "idempotencyKey", idempotencyKey != null);
        return audit.recordWith("""
                insert into assessments (id, assessed_at, route, institution_key, requester_email, request, lookups,
                                         answer, ruleset_version, ruleset_fingerprint, idempotency_key, body_sha256,
                                         submitted_by, decision)
                values (:id, :assessedAt, :route, :institution, :email, cast(:request as jsonb), cast(:lookups as jsonb),
                        :answer, :version, :fingerprint, :key, :hash, :submittedBy, cast(:decision as jsonb))
                on conflict (idempotency_key) do nothing
                returning 1
                """, parameters, actor, "assessment.stored", "assessment/" + view.id(), facts);
    }

    /** An assessment's id as given in a path; empty for one that is no UUID (answered as unknown). */
    static Optional<UUID> id(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(STORED + " where id = :id").param("id", id).query(Assessments::stored).optional();
    }

    Optional<Stored> findByIdempotencyKey(String key) {
        return jdbc.sql(STORED + " where idempotency_key = :key").param("key", key)
                .query(Assessments::stored).optional();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** The answers, newest first; {@code route}, {@code institutionKey} and {@code reader} filter when not null. */
    List<String> page(String route, String institutionKey, Reader reader, dk.kk.itassessment.platform.Paging paging) {
        Filter filter = filter(route, institutionKey, reader);
        var statement = jdbc.sql("select answer from assessments" + filter.where
                + " order by assessed_at desc, id desc limit :limit offset :offset");
        filter.params.forEach(statement::param);
        return statement.param("limit", paging.size()).param("offset", paging.offset()).query(String.class).list();
    }

    long count(String route, String institutionKey, Reader reader) {
        Filter filter = filter(route, institutionKey, reader);
        var statement = jdbc.sql("select count(*) from assessments" + filter.where);
        filter.params.forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(String route, String institutionKey, Reader reader) {
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
