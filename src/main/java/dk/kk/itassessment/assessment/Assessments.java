package dk.kk.itassessment.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stored assessments (table {@code assessments}). */
@Repository
class Assessments {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Assessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored assessment: the answer, what it was decided from, and the idempotency key's body hash if any. */
    record Stored(AssessmentView view, StoredLookups lookups, String bodySha256) {
    }

    /**
     * Stores the assessment unless another one already holds its idempotency key (then nothing is stored and
     * false is returned). One statement: concurrent retries with the same key store exactly one.
     */
    boolean insert(AssessmentView view, StoredLookups lookups, String institutionKey, String requesterEmail,
                   String idempotencyKey, String bodySha256) {
        int rows = jdbc.sql("""
                insert into assessments (id, assessed_at, route, institution_key, requester_email, request, lookups,
                                         decision, ruleset_version, ruleset_fingerprint, idempotency_key, body_sha256)
                values (:id, :assessedAt, :route, :institution, :email, cast(:request as jsonb), cast(:lookups as jsonb),
                        cast(:decision as jsonb), :version, :fingerprint, :key, :hash)
                on conflict (idempotency_key) do nothing
                """)
                .param("id", view.id())
                .param("assessedAt", Timestamp.from(view.assessedAt()))
                .param("route", view.route())
                .param("institution", institutionKey)
                .param("email", requesterEmail)
                .param("request", json.writeValueAsString(view.request()))
                .param("lookups", json.writeValueAsString(lookups))
                .param("decision", json.writeValueAsString(view.decisionOnly()))
                .param("version", view.ruleset().version())
                .param("fingerprint", view.ruleset().fingerprint())
                .param("key", idempotencyKey)
                .param("hash", bodySha256)
                .update();
        return rows == 1;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from assessments where id = :id").param("id", id).query(this::stored).optional();
    }

    Optional<Stored> findByIdempotencyKey(String key) {
        return jdbc.sql("select * from assessments where idempotency_key = :key").param("key", key)
                .query(this::stored).optional();
    }

    /** Newest first; {@code route} and {@code institutionKey} filter when not null. */
    List<AssessmentView> page(String route, String institutionKey, int page, int size) {
        Filter filter = filter(route, institutionKey);
        var statement = jdbc.sql("select * from assessments" + filter.where
                + " order by assessed_at desc, id desc limit :limit offset :offset");
        filter.params.forEach(statement::param);
        return statement.param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> stored(rs, n).view()).list();
    }

    long count(String route, String institutionKey) {
        Filter filter = filter(route, institutionKey);
        var statement = jdbc.sql("select count(*) from assessments" + filter.where);
        filter.params.forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(String route, String institutionKey) {
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
        return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private Stored stored(ResultSet rs, int rowNum) throws SQLException {
        AssessmentView decision = json.readValue(rs.getString("decision"), AssessmentView.class);
        JsonNode request = json.readTree(rs.getString("request"));
        Instant assessedAt = rs.getTimestamp("assessed_at").toInstant();
        AssessmentView view = decision.with(rs.getObject("id", UUID.class), assessedAt, request);
        return new Stored(view, json.readValue(rs.getString("lookups"), StoredLookups.class), rs.getString("body_sha256"));
    }
}
