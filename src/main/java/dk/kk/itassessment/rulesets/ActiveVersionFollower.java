package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.DatabaseUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance on the version the database says is active: it listens on the {@code ruleset_activated}
 * channel (PostgreSQL LISTEN/NOTIFY), so an activation on another instance decides here within moments, and looks at
 * the database every {@code assessment.rulesets.poll-interval} (default 2 s) as well, in case a notification is lost
 * (a dropped connection, a restart of the database). A version approved or about to be activated anywhere is compiled
 * here ahead ({@code ruleset_prepare}), so following its activation is a swap, not a compilation.
 */
@Component
class ActiveVersionFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionFollower.class);

    private final DataSource dataSource;
    private final Activations activations;
    private final Duration poll;
    private volatile boolean running;
    private Thread thread;

    ActiveVersionFollower(DataSource dataSource, Activations activations,
                          @Value("${assessment.rulesets.poll-interval:2s}") Duration poll) {
        this.dataSource = dataSource;
        this.activations = activations;
        this.poll = poll;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "ruleset-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(poll.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + RuleSetVersions.ACTIVATED_CHANNEL);
                    listen.execute("LISTEN " + RuleSetVersions.PREPARE_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                follow(); // whatever happened while we were not listening
                while (running) {
                    // returns on a notification or after the interval
                    PGNotification[] notifications = pg.getNotifications((int) poll.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (notification.getName().equals(RuleSetVersions.PREPARE_CHANNEL)) {
                                prepare(notification.getParameter());
                            }
                        }
                    }
                    follow();
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for rule-set activations failed ({}); trying again", e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    private void follow() {
        try {
            activations.follow();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) { // the listener's loop tries again: one line each time
                log.warn("Could not follow a rule-set activation, the database is not available; trying again");
            } else {
                log.error("Could not follow a rule-set activation; trying again", e);
            }
        }
    }

    private void prepare(String id) {
        try {
            activations.prepare(Long.parseLong(id));
        } catch (RuntimeException e) {
            log.warn("Could not compile rule-set version {} ahead; it is compiled when activated", id, e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
