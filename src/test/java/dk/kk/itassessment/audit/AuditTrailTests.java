package dk.kk.itassessment.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.DatabaseOwner;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail through the API and the database. The database is shared with every other integration test: no
 * test assumes the table is empty, entries are found by their target, and a tampered row is put back. The tests go
 * to the database as its owner (who may switch the triggers off, and whom the triggers refuse all the same); what the
 * service's own role may not even try is in LeastPrivilegeTests.
 */
@IntegrationTest
class AuditTrailTests {

    @Autowired
    Api api;

    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    TransactionTemplate transaction;

    @Autowired
    void owner(DatabaseOwner owner) {
        this.jdbc = owner.jdbc();
        this.transaction = owner.transaction();
    }

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    List<AuditRows.Entry> entriesFor(String target) {
        return AuditRows.entriesFor(trail, jdbc, target);
    }

    long entries() {
        return AuditRows.count(trail, jdbc);
    }

    JsonNode verify() {
        Api.Response response = api.get("/api/v1/audit/verify");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aStoredAssessmentIsAuditedWithoutPersonalData() {
        Api.Response stored = api.post("/api/v1/assessments", AuditRows.request());
        assertThat(stored.status()).isEqualTo(201);
        String id = stored.json().get("id").asString();

        List<AuditRows.Entry> entries = entriesFor("assessment/" + id);

        assertThat(entries).hasSize(1);
        AuditRows.Entry entry = entries.get(0);
        assertThat(entry.action()).isEqualTo("assessment.stored");
        assertThat(entry.actor()).as("the authenticated caller").isEqualTo("test-admin");
        assertThat(entry.details().propertyNames()).containsExactlyInAnyOrder("route", "ruleset", "idempotencyKey");
        assertThat(entry.details().get("route").asString()).isEqualTo(stored.json().get("route").asString());
        assertThat(entry.details().get("ruleset").asString()).startsWith("sha256:");
        assertThat(entry.details().get("idempotencyKey").booleanValue()).isFalse();
        String email = AuditRows.request().get("requester").get("email").asString();
        assertThat(entry.details().toString()).doesNotContain(email);
    }

    @Test
    void aPreviewARejectedRequestAndAnIdempotentRepeatAreNotAudited() {
        String key = "audit-" + suffix;
        ObjectNode invalid = (ObjectNode) AuditRows.request().deepCopy();
        invalid.put("users", -1);
        long before = entries();

        assertThat(api.post("/api/v1/assessments/preview", AuditRows.request()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/assessments", invalid).status()).isEqualTo(400);
        Api.Response first = api.post("/api/v1/assessments", AuditRows.request(), Map.of("Idempotency-Key", key));
        Api.Response repeat = api.post("/api/v1/assessments", AuditRows.request(), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        List<AuditRows.Entry> stored = entriesFor("assessment/" + first.json().get("id").asString());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).details().get("idempotencyKey").booleanValue()).isTrue();
        assertThat(entries()).isEqualTo(before + 1);
    }

    @Test
    void aChangeMadeWithItsEntriesAppendsOneForEachRowItChanged() {
        String table = "audit_with_" + suffix;
        jdbc.sql("create table " + table + " (id int primary key)").update();
        try {
            String insert = "insert into " + table + " (id) values (:a), (:b) on conflict (id) do nothing returning id as key";
            long before = entries();

            assertThat(trail.recordEach(insert, Map.of("a", 1, "b", 2), entriesOf(1, 2), Integer.class))
                    .as("two rows inserted").containsExactlyInAnyOrder(1, 2);
            assertThat(trail.recordEach(insert, Map.of("a", 2, "b", 3), entriesOf(2, 3), Integer.class))
                    .as("2 again: only 3 inserted").containsExactly(3);
            assertThat(trail.recordEach(insert, Map.of("a", 4, "b", 4), entriesOf(4), Integer.class))
                    .as("the same id twice in one change: once").containsExactly(4);
            assertThatThrownBy(() -> trail.recordEach(insert, Map.of("a", 5, "b", 6), entriesOf(5), Integer.class))
                    .as("a row changed without an entry").isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> trail.recordEach(insert.replace(":a", ":auditA"), Map.of("auditA", 7, "b", 8),
                    entriesOf(7, 8), Integer.class))
                    .as("a parameter named like the entries'").isInstanceOf(IllegalArgumentException.class);

            List<AuditRows.Entry> appended = entriesFor("test/" + suffix);
            assertThat(appended).extracting(entry -> entry.details().get("n").intValue())
                    .as("in the order the entries were given").containsExactly(1, 2, 3, 4);
            assertThat(appended).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("tester"));
            assertThat(entries()).isEqualTo(before + 4);
            assertThat(jdbc.sql("select id from " + table + " order by id").query(Integer.class).list())
                    .as("the failed changes failed whole").containsExactly(1, 2, 3, 4);
        } finally {
            jdbc.sql("drop table " + table).update();
        }
    }

    private Map<Integer, AuditTrail.Entry> entriesOf(int... ids) {
        Map<Integer, AuditTrail.Entry> entries = new java.util.LinkedHashMap<>();
        for (int id : ids) {
            entries.put(id, trail.entry("tester", "test.inserted", "test/" + suffix, Map.of("n", id)));
        }
        return entries;
    }

    @Test
    void theChainVerifiesIntact() {
        api.post("/api/v1/assessments", AuditRows.request());

        JsonNode verification = verify();

        assertThat(verification.get("intact").booleanValue()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(entries());
        assertThat(verification.has("firstBrokenEntry")).isFalse();
    }

    @Test
    void theTrailIsListedNewestFirst() {
        api.post("/api/v1/assessments", AuditRows.request());
        api.post("/api/v1/assessments", AuditRows.request());

        JsonNode page = api.get("/api/v1/audit?size=2").json();

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(entries());
        List<JsonNode> items = List.copyOf(page.get("items").values());
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("seq").asLong()).isGreaterThan(items.get(1).get("seq").asLong());
        assertThat(items.get(0).get("previousHash").asString()).isEqualTo(items.get(1).get("hash").asString());
        assertThat(items.get(0).propertyNames()).containsExactly("seq", "at", "actor", "action", "target", "details",
                "previousHash", "hash");
        assertThat(api.get("/api/v1/audit").json().get("size").asInt()).isEqualTo(20);
    }

    @Test
    void badPageParametersAreEachNamed() {
        Api.Response response = api.get("/api/v1/audit?page=-1&size=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("page", "size");
        assertThat(api.get("/api/v1/audit?size=x").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?size=0").status()).isEqualTo(400);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() {
        api.post("/api/v1/assessments", AuditRows.request());
        long before = entries();

        assertThatThrownBy(() -> jdbc.sql("update audit_entries set actor = 'mallory'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entries where seq = (select max(seq) from audit_entries)")
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entries where false").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entries").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(entries()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entries where actor = 'mallory'").query(Long.class).single())
                .isZero();
    }

    @Test
    void onlyTheSealerChainsAndOnlyOncePerEntryRightAfterTheNewest() {
        String target = "test/" + suffix;
        assertThatThrownBy(() -> jdbc.sql("insert into audit_entries (at, actor, action, target, hash) "
                + "values (now(), 'mallory', 'forged', ?, ?)").params(target, "0".repeat(64)).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThatThrownBy(() -> withAPendingEntry(target, (id, newest) ->
                jdbc.sql("update audit_entries set actor = 'mallory' where id = ?").param(id).update()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> withAPendingEntry(target, (id, newest) -> seal(id, newest.seq() + 1,
                "f".repeat(64), "a".repeat(64)))).as("not after the newest").hasMessageContaining("append-only");
        assertThatThrownBy(() -> withAPendingEntry(target, (id, newest) -> seal(id, newest.seq(), newest.hash(),
                "a".repeat(64)))).as("a seq taken").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> withAPendingEntry(target, (id, newest) -> {
            seal(id, newest.seq() + 1, newest.hash(), "a".repeat(64));
            jdbc.sql("update audit_entries set hash = ? where id = ?").params("b".repeat(64), id).update();
        })).as("sealed twice").hasMessageContaining("append-only");
        withAPendingEntry(target, (id, newest) -> seal(id, newest.seq() + 1, newest.hash(), "a".repeat(64)));

        assertThat(entriesFor(target)).as("every attempt was rolled back").isEmpty();
    }

    @Test
    void oneStatementSealsSeveralEntriesOnlyInChainOrder() {
        String target = "test/" + suffix;
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        assertThatThrownBy(() -> withPendingEntries(target, 2, (ids, newest) -> sealInOneStatement(
                new Long[] {ids.get(0), ids.get(1)}, new Long[] {newest.seq() + 1, newest.seq() + 2},
                new String[] {newest.hash(), "c".repeat(64)}, new String[] {a, b})))
                .as("the second does not name the first").hasMessageContaining("must follow the newest sealed entry");
        assertThatThrownBy(() -> withPendingEntries(target, 2, (ids, newest) -> sealInOneStatement(
                new Long[] {ids.get(0), ids.get(1)}, new Long[] {newest.seq() + 2, newest.seq() + 1},
                new String[] {newest.hash(), a}, new String[] {a, b})))
                .as("in seq order, the first does not name the newest")
                .hasMessageContaining("must follow the newest sealed entry");
        assertThatThrownBy(() -> withPendingEntries(target, 1, (ids, newest) -> sealInOneStatement(
                new Long[] {ids.get(0)}, new Long[] {-1L}, new String[] {"d".repeat(64)}, new String[] {a})))
                .as("below the newest, in a gap").hasMessageContaining("sealed after the newest sealed entry only");
        withPendingEntries(target, 2, (ids, newest) -> assertThat(sealInOneStatement(
                new Long[] {ids.get(1), ids.get(0)}, new Long[] {newest.seq() + 2, newest.seq() + 1},
                new String[] {a, newest.hash()}, new String[] {b, a})).as("listed in any order").isEqualTo(2));

        assertThat(entriesFor(target)).as("every attempt was rolled back").isEmpty();
    }

    @Test
    void aTemporaryTableNamedLikeTheTrailDoesNotFoolTheOrderCheck() {
        String target = "test/" + suffix;
        assertThatThrownBy(() -> withPendingEntries(target, 1, (ids, newest) -> {
            // what the check would read to let a seal below the newest through: one entry at or above it, and the
            // hash it names just below
            jdbc.sql("create temporary table audit_entries (seq bigint, hash text) on commit drop").update();
            jdbc.sql("insert into pg_temp.audit_entries values (-1, ?), (-2, ?)").params("0".repeat(64), "d".repeat(64))
                    .update();
            String trail = jdbc.sql("select current_schema()").query(String.class).single() + ".audit_entries";
            jdbc.sql("update " + trail + " set seq = -1, previous_hash = ?, hash = ? where id = ?")
                    .params("d".repeat(64), "a".repeat(64), ids.get(0)).update();
        })).hasMessageContaining("sealed after the newest sealed entry only");

        assertThat(entriesFor(target)).as("rolled back").isEmpty();
    }

    int sealInOneStatement(Long[] ids, Long[] seqs, String[] previousHashes, String[] hashes) {
        return jdbc.sql("update audit_entries a set seq = s.seq, previous_hash = s.previous_hash, hash = s.hash "
                        + "from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[])) "
                        + "as s (id, seq, previous_hash, hash) where a.id = s.id")
                .params(ids, seqs, previousHashes, hashes).update();
    }

    record Newest(long seq, String hash) {
    }

    interface Attempt {
        void on(List<Long> ids, Newest newest);
    }

    /**
     * Inserts {@code count} pending entries in a transaction that holds the chain's lock (the sealer waits), makes
     * the attempt on them, and rolls back.
     */
    void withPendingEntries(String target, int count, Attempt attempt) {
        trail.seal();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("select pg_advisory_xact_lock(?)").param(Sealer.CHAIN_LOCK).query((rs, n) -> n).single();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(jdbc.sql("insert into audit_entries (at, actor, action, target) "
                        + "values (now(), 'test', 'test.sealing', ?) returning id").param(target).query(Long.class)
                        .single());
            }
            Newest newest = jdbc.sql("select seq, hash from audit_entries where seq is not null order by seq desc limit 1")
                    .query((rs, n) -> new Newest(rs.getLong(1), rs.getString(2))).single();
            attempt.on(ids, newest);
        });
    }

    void withAPendingEntry(String target, java.util.function.BiConsumer<Long, Newest> attempt) {
        withPendingEntries(target, 1, (ids, newest) -> attempt.accept(ids.get(0), newest));
    }

    void seal(long id, long seq, String previousHash, String hash) {
        jdbc.sql("update audit_entries set seq = ?, previous_hash = ?, hash = ? where id = ?")
                .params(seq, previousHash, hash, id).update();
    }

    @Test
    void aChangeCommitsWhileTheChainIsLockedAndIsChainedAfterwards() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        Future<?> holding = holder.submit(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(Sealer.CHAIN_LOCK).query((rs, n) -> n).single();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String target;
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Api.Response stored = api.post("/api/v1/assessments", AuditRows.request());
            assertThat(stored.status()).as("stored without waiting for the chain").isEqualTo(201);
            target = "assessment/" + stored.json().get("id").asString();
            assertThat(jdbc.sql("select count(*) from audit_entries where target = ? and seq is null and hash is null")
                    .param(target).query(Long.class).single()).as("committed, pending").isEqualTo(1);
        } finally {
            release.countDown();
            holding.get(60, TimeUnit.SECONDS);
            holder.shutdown();
        }
        assertThat(entriesFor(target)).singleElement().satisfies(e -> assertThat(e.seq()).isPositive());
        assertThat(verify().get("intact").booleanValue()).isTrue();
    }

    @Test
    void verifyChainsWhatIsPendingFirstAndCountsIt() {
        String target = "test/" + suffix;
        jdbc.sql("insert into audit_entries (at, actor, action, target) values (now(), 'test', 'test.pending', ?)")
                .param(target).update();

        JsonNode verification = verify();

        assertThat(verification.get("intact").booleanValue()).isTrue();
        assertThat(verification.get("entries").asLong())
                .isEqualTo(jdbc.sql("select count(*) from audit_entries").query(Long.class).single());
        assertThat(jdbc.sql("select seq from audit_entries where target = ?").param(target).query(Long.class).single())
                .isNotNull();
    }

    @Test
    void stoppingTheSealerChainsWhatIsPending(@Autowired JdbcClient service,
                                              @Autowired PlatformTransactionManager transactions) {
        Sealer sealer = new Sealer(service, transactions);
        sealer.start();
        String target = "test/" + suffix;
        jdbc.sql("insert into audit_entries (at, actor, action, target) values (now(), 'test', 'test.shutdown', ?)")
                .param(target).update();

        sealer.stop();

        assertThat(sealer.isRunning()).isFalse();
        assertThat(jdbc.sql("select hash from audit_entries where target = ?").param(target).query(String.class)
                .single()).matches("[0-9a-f]{64}");
    }

    @Test
    void aRowChangedBehindTheServicesBackIsTheFirstBrokenEntry() {
        String target = "assessment/" + api.post("/api/v1/assessments", AuditRows.request()).json().get("id").asString();
        api.post("/api/v1/assessments", AuditRows.request()); // an entry after it, still hashed correctly
        long seq = entriesFor(target).get(0).seq();
        String details = jdbc.sql("select details::text from audit_entries where seq = ?").param(seq)
                .query(String.class).single();
        assertThat(verify().get("intact").booleanValue()).isTrue();

        bypassTheTrigger("update audit_entries set target = 'assessment/another' where seq = ?", seq);
        try {
            JsonNode broken = verify();
            assertThat(broken.get("intact").booleanValue()).isFalse();
            assertThat(broken.get("firstBrokenEntry").asLong()).isEqualTo(seq);
            assertThat(broken.get("entries").asLong()).isEqualTo(entries());

            bypassTheTrigger("update audit_entries set target = ? where seq = ?", target, seq);
            assertThat(verify().get("intact").booleanValue()).isTrue();
            bypassTheTrigger("update audit_entries set details = details || '{\"tampered\": true}' where seq = ?", seq);
            assertThat(verify().get("firstBrokenEntry").asLong()).isEqualTo(seq);
        } finally {
            bypassTheTrigger("update audit_entries set target = ?, details = cast(? as jsonb) where seq = ?",
                    target, details, seq);
        }
        assertThat(verify().get("intact").booleanValue()).isTrue();
    }

    @Test
    void aRemovedRowBreaksTheEntryAfterIt() {
        String target = "assessment/" + api.post("/api/v1/assessments", AuditRows.request()).json().get("id").asString();
        String next = "assessment/" + api.post("/api/v1/assessments", AuditRows.request()).json().get("id").asString();
        long seq = entriesFor(target).get(0).seq();
        Map<String, Object> row = jdbc.sql("select * from audit_entries where seq = ?").param(seq).query().singleRow();

        bypassTheTrigger("delete from audit_entries where seq = ?", seq);
        try {
            JsonNode broken = verify();
            assertThat(broken.get("intact").booleanValue()).isFalse();
            assertThat(broken.get("firstBrokenEntry").asLong()).isEqualTo(entriesFor(next).get(0).seq());
        } finally {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("alter table audit_entries disable trigger user").update();
                jdbc.sql("""
                        insert into audit_entries (id, seq, at, actor, action, target, details, previous_hash, hash)
                        values (:id, :seq, :at, :actor, :action, :target, cast(cast(:details as text) as jsonb),
                                :previous_hash, :hash)
                        """).params(row).update();
                jdbc.sql("alter table audit_entries enable trigger user").update();
            });
        }
        assertThat(verify().get("intact").booleanValue()).isTrue();
    }

    /** What only the table's owner can do: the triggers off, the statement, the triggers on, in one transaction. */
    void bypassTheTrigger(String statement, Object... params) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_entries disable trigger user").update();
            jdbc.sql(statement).params(params).update();
            jdbc.sql("alter table audit_entries enable trigger user").update();
        });
    }

    @Test
    void concurrentChangesLeaveOneUnbrokenChain() throws Exception {
        int clients = 8;
        long before = entries();
        List<String> targets = new ArrayList<>();
        for (Api.Response response : Api.concurrently(clients,
                () -> api.post("/api/v1/assessments", AuditRows.request()))) {
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            targets.add("assessment/" + response.json().get("id").asString());
        }

        assertThat(entries()).isEqualTo(before + clients);
        assertThat(targets).allSatisfy(t -> assertThat(entriesFor(t)).hasSize(1));
        assertThat(jdbc.sql("select count(*) from (select previous_hash from audit_entries where hash is not null "
                + "group by previous_hash having count(*) > 1) forks").query(Long.class).single()).isZero();
        JsonNode verification = verify();
        assertThat(verification.get("intact").booleanValue()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(before + clients);
    }

    @Test
    void theOpenApiDescriptionHasTheAuditPaths() {
        JsonNode docs = api.get("/v3/api-docs").json();

        assertThat(docs.get("paths").propertyNames()).contains("/api/v1/audit", "/api/v1/audit/verify");
        assertThat(docs.get("paths").get("/api/v1/audit/verify").get("get").get("tags").values())
                .extracting(JsonNode::asString).containsExactly("Audit");
    }
}
