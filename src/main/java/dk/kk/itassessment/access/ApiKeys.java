package dk.kk.itassessment.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API keys (table {@code api_keys}): only each key's SHA-256 is kept. */
@Repository
class ApiKeys {

    private static final String COLUMNS = "id, name, roles, created_by, created_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What authenticating with a key finds: the key's id, name and roles. */
    record Holder(UUID id, String name, List<Role> roles) {
    }

    void insert(UUID id, String name, String keyHash, List<Role> roles, String createdBy, Instant createdAt) {
        jdbc.sql("""
                insert into api_keys (id, name, key_hash, roles, created_by, created_at)
                values (:id, :name, :hash, cast(:roles as text[]), :createdBy, :createdAt)
                """)
                .param("id", id)
                .param("name", name)
                .param("hash", keyHash)
                .param("roles", "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}")
                .param("createdBy", createdBy)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    List<ApiKey> all() {
        return jdbc.sql("select " + COLUMNS + " from api_keys order by created_at, id").query(ApiKeys::apiKey).list();
    }

    Optional<ApiKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where id = :id").param("id", id)
                .query(ApiKeys::apiKey).optional();
    }

    /** Revokes a key that is not revoked yet; false when there is none such. */
    boolean revoke(UUID id, Instant at) {
        return jdbc.sql("update api_keys set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /**
     * The holder of the unrevoked key with this hash: one read on the unique index, whatever the key. That it was
     * used is written at most once a minute — a write on every call would make all calls of one client queue for
     * that row and for a commit each.
     */
    Optional<Holder> use(String keyHash, Instant at) {
        record Found(Holder holder, Instant lastUsedAt) {
        }
        Optional<Found> found = jdbc.sql("select id, name, roles, last_used_at from api_keys "
                        + "where key_hash = :hash and revoked_at is null")
                .param("hash", keyHash)
                .query((rs, n) -> new Found(new Holder(rs.getObject(1, UUID.class), rs.getString(2), roles(rs.getArray(3))),
                        instant(rs.getTimestamp(4))))
                .optional();
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(at.minus(LAST_USED_PRECISION)))
                .ifPresent(f -> jdbc.sql("update api_keys set last_used_at = :at where id = :id "
                                + "and (last_used_at is null or last_used_at < :at)")
                        .param("at", Timestamp.from(at))
                        .param("id", f.holder().id())
                        .update());
        return found.map(Found::holder);
    }

    private static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

    private static ApiKey apiKey(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), roles(rs.getArray(3)), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static List<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).sorted().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
