package dk.kk.itassessment.audit;

import dk.kk.itassessment.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit rows as the tests look at them: by target, newest, counted (the table is shared, never empty). Each
 * reading seals first, as the service's readers do: an entry is chained (seq, hash) shortly after its commit.
 */
final class AuditRows {

    private AuditRows() {
    }

    record Entry(long seq, String actor, String action, String target, JsonNode details) {
    }

    private static final String SELECT = "select seq, actor, action, target, details::text from audit_entries ";

    static List<Entry> entriesFor(AuditTrail trail, JdbcClient jdbc, String target) {
        trail.seal();
        return jdbc.sql(SELECT + "where target = ? order by seq").param(target).query(AuditRows::row).list();
    }

    static Entry newest(AuditTrail trail, JdbcClient jdbc) {
        trail.seal();
        return jdbc.sql(SELECT + "order by seq desc limit 1").query(AuditRows::row).single();
    }

    /** Every entry, chained or not. */
    static long count(AuditTrail trail, JdbcClient jdbc) {
        trail.seal();
        return jdbc.sql("select count(*) from audit_entries").query(Long.class).single();
    }

    /** The request of example 01: a valid request that is stored. */
    static JsonNode request() {
        try (InputStream in = AuditRows.class.getResourceAsStream("/examples/01-free-app-no-personal-data.json")) {
            return Api.json().readTree(in).get("request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Api.json().readTree(rs.getString(5)));
    }
}
