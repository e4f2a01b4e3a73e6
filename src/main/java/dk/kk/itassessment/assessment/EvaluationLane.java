package dk.kk.itassessment.assessment;

import dk.kk.itassessment.platform.Futures;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The few threads that evaluate the policy for requests ({@code assessment.evaluation-threads}, by default half the
 * processors, at least one). A request thread hands its evaluation over and waits for it.
 *
 * <p>Why: an evaluation touches a lot of Drools' code and the rule set's network. Run back to back on a few threads,
 * that stays in the processor's caches; interleaved with the rest of sixteen requests' work (HTTP, security, JSON,
 * JDBC) on every thread, the same evaluation took 3 to 6 times the processor time on this project's 2-core machine
 * (bench/README.md, "the evaluation lane, a cheaper insert, and a longer warm-up": about 550 µs against 165 µs under
 * load). It also bounds how many evaluations run at once, whatever the number of request threads.
 */
@Component
public class EvaluationLane {

    private final ExecutorService threads;

    EvaluationLane(@Value("${assessment.evaluation-threads:0}") int configured) {
        int count = configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "evaluation-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@code work}'s result, computed on the lane; what it throws is thrown here as it was. An interrupted caller
     * stops waiting (the evaluation is cancelled if it has not started).
     */
    public <T> T run(Supplier<T> work) {
        return Futures.await(threads.submit(work::get), "while the policy was evaluated");
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}
