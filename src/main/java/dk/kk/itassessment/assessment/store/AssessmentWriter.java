package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.platform.Futures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import dk.kk.itassessment.platform.DatabaseUnavailable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores the assessments of concurrent requests together, on one thread of its own: all those that arrived while
 * the ones before them were being stored go to the database in one statement with one commit (a group commit; at
 * most {@value #BATCH} at a time). A request waits until its assessment is committed, so a 201 still means stored;
 * alone, it is stored alone and waits no longer than before.
 *
 * <p>Why: most of what a stored assessment cost PostgreSQL was its statement's and its commit's, not its row's
 * (bench/README.md, "group commit", has the figures).
 *
 * <p>The queue is bounded ({@value #QUEUE_LIMIT}, more than the web server has threads): a row that finds it full is
 * refused at once as a 503 ({@link DatabaseUnavailable}), and when the database is not available every row queued
 * behind the failed batch is refused with it, so that no request waits for batches that would fail the same way.
 * A refused row was never sent to the database.
 */
@Component
class AssessmentWriter implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(AssessmentWriter.class);
    static final int BATCH = 32;
    static final int QUEUE_LIMIT = 1024;
    private static final long STOP_SECONDS = 30;

    private final Assessments assessments;
    private final BlockingQueue<Waiting> queue;
    private volatile ExecutorService thread;

    @Autowired
    AssessmentWriter(Assessments assessments) {
        this(assessments, QUEUE_LIMIT);
    }

    AssessmentWriter(Assessments assessments, int queueLimit) {
        this.assessments = assessments;
        this.queue = new LinkedBlockingQueue<>(queueLimit);
    }

    /** A row and its request's outcome: whether it was stored (false: another holds its idempotency key). */
    record Waiting(Assessments.Row row, CompletableFuture<Boolean> stored) {
    }

    /**
     * Stores {@code row} and its audit entry, committed when this returns true; false when another assessment holds
     * its idempotency key or the registry's version is no longer the row's (nothing stored). What storing throws is
     * thrown here.
     */
    boolean store(Assessments.Row row) {
        Waiting waiting = new Waiting(row, new CompletableFuture<>());
        if (!queue.offer(waiting)) {
            throw new DatabaseUnavailable("The assessment writer's queue is full: the assessment was not stored");
        }
        try {
            ExecutorService running = thread;
            if (running == null) {
                throw new RejectedExecutionException();
            }
            running.execute(this::writeQueued); // takes this row, or finds it taken by the one before
        } catch (RejectedExecutionException e) {
            if (queue.remove(waiting)) {
                throw new IllegalStateException("The service is stopping: the assessment was not stored");
            } // else a write took it already: its outcome follows
        }
        return Futures.await(waiting.stored(), "while the assessment was stored"); // it may be stored still
    }

    private void writeQueued() {
        List<Waiting> batch = new ArrayList<>();
        Waiting next;
        while (batch.size() < BATCH && (next = queue.poll()) != null) {
            if (!next.stored().isDone()) { // done: its request was interrupted and answered with an error
                batch.add(next);
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    /**
     * Stores the rows of {@code batch} together and completes each one's outcome. When the transaction fails for what
     * one row may have caused (a constraint, a listener of {@link dk.kk.itassessment.assessment.AssessmentsStored} that refused one) or for a lock (a
     * deadlock with another instance storing the same idempotency keys), each row is stored again on its own, so
     * that only its request fails; not when the database is not available (a lock not obtained in time included),
     * which would fail each alike.
     */
    void write(List<Waiting> batch) {
        try {
            Set<UUID> stored = assessments.insert(batch.stream().map(Waiting::row).toList());
            batch.forEach(waiting -> waiting.stored().complete(stored.contains(waiting.row().id())));
        } catch (RuntimeException | Error e) {
            boolean outage = DatabaseUnavailable.causedBy(e);
            if (!outage && batch.size() > 1 && e instanceof RuntimeException) {
                log.warn("Storing {} assessments together failed; storing each on its own", batch.size(), e);
                batch.forEach(waiting -> write(List.of(waiting)));
                return;
            }
            batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            if (outage) {
                refuseQueued(e);
            }
        }
    }

    /** The rows queued behind a batch that met an outage: refused with it, none of them sent to the database. */
    private void refuseQueued(Throwable outage) {
        List<Waiting> refused = new ArrayList<>();
        queue.drainTo(refused);
        refused.forEach(waiting -> waiting.stored().completeExceptionally(outage));
    }

    /** {@code assessment_writer_queue}: the assessments waiting to be stored. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("assessment.writer.queue", queue, java.util.Collection::size)
                .description("Assessments waiting for the writer to store them")
                .register(registry);
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread writer = new Thread(task, "assessment-writer");
            writer.setDaemon(true);
            return writer;
        });
    }

    /** After the web server has stopped (a higher phase stops earlier): stores what is queued, then no more. */
    @Override
    public void stop() {
        ExecutorService running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The assessment writer did not finish within {} s", STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return 1; // below the web server's: started before it, stopped after it; above the audit sealer's (0)
    }
}
