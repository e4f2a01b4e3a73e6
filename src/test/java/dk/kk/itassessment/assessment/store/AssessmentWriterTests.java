package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentService;
import dk.kk.itassessment.assessment.AssessmentStored;
import dk.kk.itassessment.assessment.AssessmentsStored;
import dk.kk.itassessment.assessment.Examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
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
    Assessments assessments;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    CaseNumbers caseNumbers;

    @Autowired
    AssessmentService service;

    @Autowired
    dk.kk.itassessment.intake.RequestReader requests;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void concurrentRequestsAreEachStoredWithTheirOwnAnswerAndEntry() throws Exception {
        int clients = 24;
        List<Api.Response> responses = Api.concurrently(clients,
                () -> api.post("/api/v1/assessments", Examples.request()));

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
        UUID stored = storedOne();
        Assessments.Row first = copyOf(stored, null, null);
        Assessments.Row refused = copyOf(stored, "NO_SUCH_ROUTE", null); // the table's check refuses it
        Assessments.Row last = copyOf(stored, null, null);
        List<AssessmentWriter.Waiting> batch = List.of(waiting(first), waiting(refused), waiting(last));

        writer.write(batch);

        assertThat(batch.get(0).stored()).isCompletedWithValue(true);
        assertThat(batch.get(1).stored()).isCompletedExceptionally();
        assertThatThrownBy(() -> batch.get(1).stored().join())
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
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

    /**
     * The rows of one batch are announced in one event, and what the listeners write for them is written for all of
     * them at once: each row's case with its whole checklist and its OPENED entry, its requester subscribed and sent
     * a receipt naming the case. (A listener that wrote only the first case, or mixed two cases' items, fails here.)
     */
    @Test
    void theRowsOfABatchAreAnnouncedTogetherAndEachOpensItsOwnCaseWithAReceipt() {
        UUID stored = storedOne();
        List<Assessments.Row> rows = List.of(copyOf(stored, null, null), copyOf(stored, null, null),
                copyOf(stored, null, null));
        List<AssessmentsStored> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> listener = event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof AssessmentsStored batch
                    && batch.assessments().stream().anyMatch(one -> one.assessmentId().equals(rows.get(0).id()))) {
                announced.add(batch);
            }
        };
        context.addApplicationListener(listener);
        try {
            writer.write(rows.stream().map(AssessmentWriterTests::waiting).toList());
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(announced).as("one event for the batch").hasSize(1);
        assertThat(announced.get(0).assessments()).extracting(AssessmentStored::assessmentId)
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(Assessments.Row::id).toList());
        String email = jdbc.sql("select lower(requester_email) from assessments where id = :id").param("id", stored)
                .query(String.class).single();
        for (Assessments.Row row : rows) {
            String number = row.caseNumber();
            int checklist = row.stored().evaluation().checklist().size();
            assertThat(jdbc.sql("select assessment_id from cases where number = :n and status = 'OPEN'")
                    .param("n", number).query(UUID.class).single()).isEqualTo(row.id());
            assertThat(jdbc.sql("select string_agg(i ->> 'code', ',' order by n) from cases c"
                            + " join case_checklists k on k.sha256 = c.opened_checklist,"
                            + " jsonb_array_elements(k.items) with ordinality as t (i, n) where c.number = :n")
                    .param("n", number).query(String.class).single())
                    .as("the case opens with its decision's checklist")
                    .isEqualTo(String.join(",", row.stored().evaluation().checklist().stream()
                            .map(Evaluation.Item::code).toList()));
            assertThat(jdbc.sql("select count(*) from case_items where case_number = :n").param("n", number)
                    .query(Long.class).single()).as("no item row until an item changes").isZero();
            assertThat(jdbc.sql("select event || ' ' || (details ->> 'items') from case_events where case_number = :n")
                    .param("n", number).query(String.class).list()).containsExactly("OPENED " + checklist);
            assertThat(jdbc.sql("select email || ' ' || reason from case_subscriptions where case_number = :n")
                    .param("n", number).query(String.class).list()).containsExactly(email + " REQUESTER");
            assertThat(jdbc.sql("select recipient, events::text, s.token = o.unsubscribe_token from mail_outbox o"
                            + " join case_subscriptions s on s.case_number = o.case_number where o.case_number = :n")
                    .param("n", number)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(3) + " " + rs.getString(2)).list())
                    .singleElement().asString().startsWith(email + " true ")
                    .contains("Sagen er oprettet").contains(checklist + " punkter");
        }
    }

    @Test
    void inOneBatchTheFirstRowWithAKeyIsStoredAndTheSecondIsNot() {
        UUID stored = storedOne();
        String key = "batch-" + UUID.randomUUID();
        Assessments.Row first = copyOf(stored, null, key);
        Assessments.Row again = copyOf(stored, null, key);
        Assessments.Row withoutKey = copyOf(stored, null, null);
        List<AssessmentWriter.Waiting> batch = List.of(waiting(first), waiting(again), waiting(withoutKey));

        writer.write(batch);

        assertThat(batch.get(0).stored()).isCompletedWithValue(true);
        assertThat(batch.get(1).stored()).as("its key is taken").isCompletedWithValue(false);
        assertThat(batch.get(2).stored()).isCompletedWithValue(true);
        assertThat(jdbc.sql("select id from assessments where idempotency_key = :key").param("key", key)
                .query(UUID.class).list()).containsExactly(first.id());
        assertThat(count(again.id())).isZero();
        assertThat(count(withoutKey.id())).isEqualTo(1);
        assertThat(entriesFor("assessment/" + first.id())).isEqualTo(1);
        assertThat(entriesFor("assessment/" + again.id())).isZero();
        assertThat(entriesFor("assessment/" + withoutKey.id())).isEqualTo(1);
    }

    @Test
    void inOneBatchTheSameKeyOfTwoSubmittersIsStoredForEach() {
        UUID stored = storedOne();
        String key = "two-submitters-" + UUID.randomUUID();
        Assessments.Row mine = copyOf(stored, null, key);
        Assessments.Row theirs = submittedBy(copyOf(stored, null, key), "someone-else");
        Assessments.Row mineAgain = copyOf(stored, null, key);
        List<AssessmentWriter.Waiting> batch = List.of(waiting(theirs), waiting(mine), waiting(mineAgain));

        writer.write(batch);

        assertThat(batch.get(0).stored()).isCompletedWithValue(true);
        assertThat(batch.get(1).stored()).isCompletedWithValue(true);
        assertThat(batch.get(2).stored()).as("its submitter's key is taken").isCompletedWithValue(false);
        assertThat(jdbc.sql("select submitted_by from assessments where idempotency_key = :key").param("key", key)
                .query(String.class).list()).containsExactlyInAnyOrder(mine.submittedBy(), "someone-else");
    }

    @Test
    void aRowDecidedOnARegistryThatHasChangedSinceIsNotStored() {
        UUID stored = storedOne();
        long now = registryVersion();
        Assessments.Row current = copyOf(stored, null, null, now);
        Assessments.Row stale = copyOf(stored, null, null, now - 1);
        Assessments.Row alsoCurrent = copyOf(stored, null, null, now);
        List<AssessmentWriter.Waiting> batch = List.of(waiting(current), waiting(stale), waiting(alsoCurrent));

        writer.write(batch);

        assertThat(batch.get(0).stored()).isCompletedWithValue(true);
        assertThat(batch.get(1).stored()).as("decided on an older registry").isCompletedWithValue(false);
        assertThat(batch.get(2).stored()).isCompletedWithValue(true);
        assertThat(count(current.id())).isEqualTo(1);
        assertThat(count(stale.id())).isZero();
        assertThat(entriesFor("assessment/" + stale.id())).isZero();
        assertThat(count(alsoCurrent.id())).isEqualTo(1);
    }

    /**
     * The writer's queue is bounded ({@link AssessmentWriter#QUEUE_LIMIT}; here a writer of the same code with room
     * for two): while the writer's thread is busy with one batch and two rows wait, the next row is refused at once,
     * as an outage is (DatabaseUnavailable: 503 problem+json with Retry-After, see DatabaseOutageTests), and is never
     * stored; the waiting rows are stored when the writer carries on. The writer is held inside its transaction by a
     * listener of {@link AssessmentsStored}, not by a clock: no wait here depends on time (without the bound the
     * refused row would wait, and the test would hang at the guard below, not pass).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120) // a guard against hanging, not a measurement
    void aFullQueueRefusesTheNextRowAtOnceAsUnavailable() throws Exception {
        assertThat(AssessmentWriter.QUEUE_LIMIT).isEqualTo(1024);
        UUID stored = storedOne();
        Assessments.Row held = copyOf(stored, null, null);
        Assessments.Row waiting1 = copyOf(stored, null, null);
        Assessments.Row waiting2 = copyOf(stored, null, null);
        Assessments.Row refused = copyOf(stored, null, null);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch carryOn = new java.util.concurrent.CountDownLatch(1);
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> hold = event -> {
            if (event instanceof org.springframework.context.PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof AssessmentsStored storedEvent
                    && storedEvent.assessments().stream().anyMatch(one -> one.assessmentId().equals(held.id()))) {
                inside.countDown();
                try {
                    carryOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AssessmentWriter small = new AssessmentWriter(assessments, 2);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        small.bindTo(metrics);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        context.addApplicationListener(hold);
        small.start();
        try {
            java.util.concurrent.Future<Boolean> first = callers.submit(() -> small.store(held));
            inside.await(); // the writer's thread holds `held` in its transaction; the queue is empty
            java.util.concurrent.Future<Boolean> second = callers.submit(() -> small.store(waiting1));
            java.util.concurrent.Future<Boolean> third = callers.submit(() -> small.store(waiting2));
            while (metrics.get("assessment.writer.queue").gauge().value() < 2) {
                Thread.onSpinWait(); // until both wait in the queue
            }

            assertThatThrownBy(() -> small.store(refused))
                    .isInstanceOf(dk.kk.itassessment.platform.DatabaseUnavailable.class)
                    .hasMessageContaining("queue is full")
                    // what ProblemHandler answers 503 with Retry-After, as for an outage
                    .satisfies(e -> assertThat(dk.kk.itassessment.platform.DatabaseUnavailable.causedBy(e)).isTrue());
            assertThat(metrics.get("assessment.writer.queue").gauge().value()).isEqualTo(2);

            carryOn.countDown();
            assertThat(first.get()).isTrue();
            assertThat(second.get()).isTrue();
            assertThat(third.get()).isTrue();
        } finally {
            carryOn.countDown();
            context.removeApplicationListener(hold);
            small.stop();
            callers.shutdownNow();
        }
        assertThat(count(held.id())).isEqualTo(1);
        assertThat(count(waiting1.id())).isEqualTo(1);
        assertThat(count(waiting2.id())).isEqualTo(1);
        assertThat(count(refused.id())).as("the refused row").isZero();
        assertThat(entriesFor("assessment/" + refused.id())).isZero();
    }

    private long registryVersion() {
        return jdbc.sql("select version from registry_version").query(Long.class).single();
    }

    @Test
    void aRegistryChangedBehindTheServicesBackIsSeenByTheNextAssessment() {
        String name = "Quizzy " + UUID.randomUUID();
        tools.jackson.databind.node.ObjectNode request = (tools.jackson.databind.node.ObjectNode) Examples.request().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) request.get("solution")).put("name", name);
        Api.Response before = api.post("/api/v1/assessments", request);
        assertThat(before.json().get("lookups").get("portfolio").asString()).isEqualTo("NONE");

        // as another instance, or a person with SQL, would: not through this instance's API
        UUID entry = UUID.randomUUID();
        jdbc.sql("insert into portfolio_entries (id, name, normalised_name, supplier_name, category, permission) "
                        + "values (:id, :name, lower(:name), 'Quizzy ApS', 'TEACHING', 'REFUSED')")
                .param("id", entry).param("name", name).update();
        jdbc.sql("insert into portfolio_names (normalised_name, entry_id) values (lower(:name), :id)")
                .param("id", entry).param("name", name).update();
        Api.Response after = api.post("/api/v1/assessments", request);

        assertThat(after.status()).isEqualTo(201);
        assertThat(after.json().get("lookups").get("portfolio").asString()).isEqualTo("REFUSED");
        assertThat(after.json().get("route").asString()).isEqualTo("NOT_PERMITTED");
        assertThat(api.get("/api/v1/assessments/" + after.json().get("id").asString()).json())
                .isEqualTo(after.json());
    }

    private UUID storedOne() {
        return UUID.fromString(api.post("/api/v1/assessments", Examples.request()).json().get("id").asString());
    }

    private static AssessmentWriter.Waiting waiting(Assessments.Row row) {
        return new AssessmentWriter.Waiting(row, new CompletableFuture<>());
    }

    /**
     * A stored assessment's row again, under a new id and case number (also in its answer), with {@code route} (null: its own) and
     * {@code idempotencyKey}.
     */
    private Assessments.Row copyOf(UUID id, String route, String idempotencyKey) {
        return copyOf(id, route, idempotencyKey, registryVersion());
    }

    /** As above, decided on the registry at {@code registryVersion}. */
    private Assessments.Row copyOf(UUID id, String route, String idempotencyKey, long registryVersion) {
        UUID copy = UUID.randomUUID();
        return jdbc.sql("select assessed_at, route, institution_key, requester_email, request::text, lookups::text, "
                        + "answer, ruleset_version, ruleset_fingerprint, submitted_by, decision::text, "
                        + "checklist_part, c.body, explanation_part, e.body, case_number from assessments "
                        + "join answer_parts c on c.sha256 = checklist_part join answer_parts e on e.sha256 = explanation_part "
                        + "where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String stored = route == null ? rs.getString(2) : route;
                    String caseNumber = caseNumbers.next(rs.getTimestamp(1).toInstant());
                    AnswerParts.Split answer = new AnswerParts.Split(null, rs.getString(7)
                            .replace(id.toString(), copy.toString()).replace(rs.getString(16), caseNumber)
                            .getBytes(StandardCharsets.UTF_8),
                            new AnswerParts.Part(rs.getString(12), rs.getString(13).getBytes(StandardCharsets.UTF_8)),
                            new AnswerParts.Part(rs.getString(14), rs.getString(15).getBytes(StandardCharsets.UTF_8)));
                    return new Assessments.Row(copy, caseNumber, rs.getTimestamp(1), stored, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), answer,
                            rs.getString(8), rs.getString(9), idempotencyKey,
                            idempotencyKey == null ? null : "0".repeat(64),
                            rs.getString(10), rs.getString(11), registryVersion,
                            trail.entry("tester", "assessment.stored", "assessment/" + copy, Map.of("route", stored)),
                            new AssessmentStored(copy, caseNumber, rs.getTimestamp(1).toInstant(), rs.getString(10),
                                    requests.read(json.readTree(rs.getString(5))), service.decideAgain(id)));
                })
                .single();
    }

    private Assessments.Row submittedBy(Assessments.Row row, String submitter) {
        return new Assessments.Row(row.id(), row.caseNumber(), row.assessedAt(), row.route(), row.institution(),
                row.email(), row.request(), row.lookups(), row.answer(), row.version(), row.fingerprint(),
                row.idempotencyKey(), row.bodySha256(), submitter, row.decision(), row.registryVersion(), row.entry(),
                new AssessmentStored(row.id(), row.caseNumber(), row.stored().storedAt(), submitter,
                        row.stored().request(), row.stored().evaluation()));
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
