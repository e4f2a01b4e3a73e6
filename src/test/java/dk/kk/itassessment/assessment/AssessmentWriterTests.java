package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Assessments stored together: each request still gets its own outcome, and each stored one its audit entry. */
@IntegrationTest
class AssessmentWriterTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssessmentWriter writer;

    @Autowired
    AuditTrail trail;

    @Test
    void concurrentRequestsAreEachStoredWithTheirOwnAnswerAndEntry() throws Exception {
        int clients = 24;
        List<Api.Response> responses = Api.concurrently(clients, () -> api.post("/api/v1/assessments", Examples.request()));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(responses.stream().map(response -> response.json().get("id").asString()).distinct())
                .hasSize(clients);
        trail.seal();
        for (Api.Response response : responses) {
            String id = response.json().get("id").asString();
            assertThat(api.get("/api/v1/assessments/" + id).json()).as("read back").isEqualTo(response.json());
            assertThat(entriesFor("assessment/" + id)).as("its audit entry").isEqualTo(1);
        }
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnRequest() {
        String stored = api.post("/api/v1/assessments", Examples.request()).json().get("id").asString();
        Assessments.Row first = copyOf(UUID.fromString(stored), "FULL_ACQUISITION");
        Assessments.Row refused = copyOf(UUID.fromString(stored), "NO_SUCH_ROUTE"); // the table's check refuses it
        Assessments.Row last = copyOf(UUID.fromString(stored), "FULL_ACQUISITION");
        List<AssessmentWriter.Waiting> batch = List.of(waiting(first), waiting(refused), waiting(last));

        writer.write(batch);

        assertThat(batch.get(0).stored()).isCompletedWithValue(true);
        assertThat(batch.get(1).stored()).isCompletedExceptionally();
        assertThatThrownBy(() -> batch.get(1).stored().join()).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(batch.get(2).stored()).isCompletedWithValue(true);
        assertThat(count(first.id())).isEqualTo(1);
        assertThat(count(refused.id())).isZero();
        assertThat(count(last.id())).isEqualTo(1);
        assertThat(entriesFor("assessment/" + first.id())).isEqualTo(1);
        assertThat(entriesFor("assessment/" + refused.id())).isZero();
        assertThat(entriesFor("assessment/" + last.id())).isEqualTo(1);
        assertThat(api.get("/api/v1/assessments/" + last.id()).json().get("id").asString())
                .isEqualTo(last.id().toString());
    }

    private static AssessmentWriter.Waiting waiting(Assessments.Row row) {
        return new AssessmentWriter.Waiting(row, new CompletableFuture<>());
    }

    /** A stored assessment's row again, under a new id (also in its answer) and with {@code route}. */
    private Assessments.Row copyOf(UUID id, String route) {
        UUID copy = UUID.randomUUID();
        return jdbc.sql("select assessed_at, institution_key, requester_email, request::text, lookups::text, answer, "
                        + "ruleset_version, ruleset_fingerprint, submitted_by, decision::text from assessments "
                        + "where id = :id")
                .param("id", id)
                .query((rs, n) -> new Assessments.Row(copy, rs.getTimestamp(1), route, rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6).replace(id.toString(), copy.toString()), rs.getString(7), rs.getString(8),
                        null, null, rs.getString(9), rs.getString(10),
                        trail.entry("tester", "assessment.stored", "assessment/" + copy, Map.of("route", route))))
                .single();
    }

    private long count(UUID id) {
        return jdbc.sql("select count(*) from assessments where id = :id").param("id", id).query(Long.class).single();
    }

    private long entriesFor(String target) {
        trail.seal();
        return jdbc.sql("select count(*) from audit_entries where target = :target").param("target", target)
                .query(Long.class).single();
    }
}
