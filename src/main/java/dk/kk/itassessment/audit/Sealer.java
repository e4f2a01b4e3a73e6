package dk.kk.itassessment.audit;

import dk.kk.itassessment.platform.DatabaseUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Chains the pending audit entries (the outbox): in the order they were inserted, each gets the next seq, the hash
 * of the entry before it and its own hash ({@link Chain}), in short transactions under the chain's advisory lock
 * (one sealer at a time, also across instances). It runs on one thread of its own shortly after a commit that
 * recorded an entry (commits close together are sealed together), every few seconds (entries of a commit whose
 * seal was lost, e.g. in a crash, or of another instance), before the trail is read ({@link #sealPending()} on the
 * reader's thread), and once more when the service stops.
 */
@Component
class Sealer implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** The advisory lock that serialises sealing, so that two entries never follow the same one. */
    static final long CHAIN_LOCK = 0x6175_6469_745FL; // "audit_"
    private static final int BATCH = 500;
    /**
     * How long after a commit the sealer waits, gathering the commits that follow into one seal: at a thousand
     * assessments a second, five seals of two hundred entries rather than fifty of twenty (each seal costs five round
     * trips besides its updates). Readers seal first, so they never see the delay.
     */
    private static final long AFTER_COMMIT_MILLIS = 200;
    private static final long PERIOD_MILLIS = 5_000;
    private static final long STOP_SECONDS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    /** When the oldest entry still pending at the latest look was written; null: none was pending. */
    private volatile Instant oldestPending;

    Sealer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Seals soon after the current transaction commits (at once when there is none); nothing if it rolls back. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    soon();
                }
            });
        } else {
            soon();
        }
    }

    private void soon() {
        ScheduledExecutorService running = executor;
        if (running != null && scheduled.compareAndSet(false, true)) {
            try {
                running.schedule(this::sealInBackground, AFTER_COMMIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) { // stopping: the final seal takes it
                scheduled.set(false);
            }
        }
    }

    private void sealInBackground() {
        scheduled.set(false); // a commit from now on schedules another seal
        try {
            sealPending();
        } catch (RuntimeException e) { // the entries stay pending: the next seal takes them
            if (DatabaseUnavailable.causedBy(e)) { // said once per attempt, without the stack
                log.warn("Sealing the audit trail failed, the database is not available; pending entries are sealed "
                        + "on the next attempt");
            } else {
                log.warn("Sealing the audit trail failed; pending entries are sealed on the next attempt", e);
            }
        }
    }

    /**
     * Chains every entry committed before this call; returns how many it chained. Any thread may call it: the
     * advisory lock lets one seal at a time.
     */
    int sealPending() {
        var oldest = jdbc.sql("select at from audit_entries where hash is null order by id limit 1")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
        if (oldest.isEmpty()) {
            oldestPending = null;
            return 0;
        }
        oldestPending = oldest.get();
        int sealed = 0;
        while (true) {
            int n = transaction.execute(status -> sealBatch());
            sealed += n;
            if (n < BATCH) {
                oldestPending = null; // what was pending at the look is chained; later entries are the next look's
                return sealed;
            }
        }
    }

    /**
     * {@code audit_sealer_lag_seconds}: how long the oldest entry the sealer found pending, and has not chained yet,
     * has waited; 0 when it chained all it found. It grows while sealing fails (e.g. the database is away).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("audit.sealer.lag", this, sealer -> {
                    Instant since = sealer.oldestPending;
                    return since == null ? 0 : Math.max(0, java.time.Duration.between(since, Instant.now()).toMillis() / 1000.0);
                })
                .baseUnit("seconds")
                .description("How long the oldest audit entry found pending has waited to be chained")
                .register(registry);
    }

    private int sealBatch() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> n).single();
        // statements of their own after the lock: under READ COMMITTED they see what the last sealer chained
        List<Pending> pending = jdbc.sql("select id, at, actor, action, target, details::text as details "
                        + "from audit_entries where hash is null order by id limit :limit")
                .param("limit", BATCH)
                .query(Sealer::pending)
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        var newest = jdbc.sql("select seq, hash from audit_entries where seq is not null order by seq desc limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = newest.map(row -> (Long) row[0]).orElse(0L);
        String previousHash = newest.map(row -> (String) row[1]).orElse(null);
        int size = pending.size();
        Long[] ids = new Long[size];
        Long[] seqs = new Long[size];
        String[] previousHashes = new String[size];
        String[] hashes = new String[size];
        for (int i = 0; i < size; i++) {
            Pending entry = pending.get(i);
            seq++;
            String hash = Chain.hash(previousHash, seq, entry.at(), entry.actor(), entry.action(), entry.target(),
                    entry.details());
            ids[i] = entry.id();
            seqs[i] = seq;
            previousHashes[i] = previousHash;
            hashes[i] = hash;
            previousHash = hash;
        }
        // One statement for the batch (migration V22 checks the order once for the statement), each entry found by
        // its id: PostgreSQL otherwise joins the ids by hash against the whole pending index, which holds the entries
        // sealed since the last vacuum too (under load, tens of thousands), and every seal read them all.
        jdbc.sql("select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)")
                .query((rs, n) -> n).single();
        int sealed = jdbc.sql("update audit_entries a set seq = s.seq, previous_hash = s.previous_hash, hash = s.hash "
                        + "from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:previousHashes as text[]), "
                        + "cast(:hashes as text[])) as s (id, seq, previous_hash, hash) "
                        + "where a.id = s.id and a.hash is null")
                .param("ids", ids)
                .param("seqs", seqs)
                .param("previousHashes", previousHashes)
                .param("hashes", hashes)
                .update();
        if (sealed != size) {
            throw new IllegalStateException("An audit entry was sealed behind the sealer's back");
        }
        return pending.size();
    }

    private record Pending(long id, Instant at, String actor, String action, String target, JsonNode details) {
    }

    private static Pending pending(ResultSet rs, int n) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                Chain.details(rs.getString("details")));
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sealInBackground, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /**
     * After the web server has stopped (a lower phase stops later): seals what is pending, then no more. At most a
     * few seconds: when the database is gone already (the embedded one stops with the JVM), the entries stay pending
     * and the next start seals them.
     */
    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.execute(this::sealInBackground); // after the seals already due; the periodic one is cancelled
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The audit sealer did not finish within {} s; pending entries are sealed at the next start",
                        STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return 0; // below the web server's phases: started before it, stopped after it
    }
}
