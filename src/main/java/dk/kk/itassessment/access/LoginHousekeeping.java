package dk.kk.itassessment.access;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, on a thread of its own: writes the failed logins of the minutes that have ended to the audit
 * trail ({@link LoginFailures}) and deletes the login counts that are stale ({@link LoginThrottle}). Every instance
 * runs it; the tables are shared and each row is taken once. What is not written when the service stops is written
 * by another instance, or at the next start.
 */
@Component
class LoginHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LoginHousekeeping.class);
    private static final long PERIOD_SECONDS = 15;

    private final LoginFailures failures;
    private final LoginThrottle throttle;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    LoginHousekeeping(LoginFailures failures, LoginThrottle throttle, Clock clock) {
        this.failures = failures;
        this.throttle = throttle;
        this.clock = clock;
    }

    private void run() {
        try {
            failures.write(Instant.now(clock));
            throttle.forgetStale();
        } catch (RuntimeException e) { // the rows stay: the next run takes them
            log.warn("Writing the failed logins to the audit trail failed; the next run tries again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "login-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::run, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return 1; // stopped before the audit sealer (0), which chains what this wrote
    }
}
