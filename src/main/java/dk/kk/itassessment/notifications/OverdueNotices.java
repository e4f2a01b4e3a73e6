package dk.kk.itassessment.notifications;

import dk.kk.itassessment.cases.CaseDirectory;
import dk.kk.itassessment.cases.CaseSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the subscribers of a case once that it became overdue (OPEN or RETURNED, and today, in Copenhagen, after its
 * due date): a check every {@code assessment.mail.overdue-interval} (and at the start) finds such cases, records the
 * notice (table case_overdue_notices: one per case, whichever instance sees it first) and writes the mails in the
 * same transaction. No case change is an overdue one, so this is the one mail the cases module does not cause.
 */
@Component
class OverdueNotices implements SmartLifecycle {

    static final String EVENT = "OVERDUE";
    private static final Logger log = LoggerFactory.getLogger(OverdueNotices.class);
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final CaseDirectory cases;
    private final CaseMail mail;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final Clock clock;
    private volatile ScheduledThreadPoolExecutor executor;

    OverdueNotices(CaseDirectory cases, CaseMail mail, JdbcClient jdbc, TransactionTemplate transaction,
                   Environment environment, Clock clock) {
        this.cases = cases;
        this.mail = mail;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
        this.clock = clock;
    }

    /** Mails the cases that became overdue and were not told yet; how many. */
    int check() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, COPENHAGEN);
        List<String> numbers = cases.overdue(today);
        int told = 0;
        for (String number : numbers) {
            Boolean noticed = transaction.execute(status -> {
                CaseSummary c = cases.find(number).orElse(null);
                if (c == null || !c.open() || c.dueDate() == null || !today.isAfter(c.dueDate())) {
                    return false;
                }
                boolean first = jdbc.sql("insert into case_overdue_notices (case_number, due_date, noticed_at)"
                                + " values (?, ?, ?) on conflict (case_number) do nothing")
                        .params(number, c.dueDate(), Timestamp.from(now)).update() == 1;
                if (first) {
                    mail.tell(c, List.of(EventTexts.overdue(c.dueDate(), now)), now, null);
                }
                return first;
            });
            told += Boolean.TRUE.equals(noticed) ? 1 : 0;
        }
        return told;
    }

    private void run() {
        try {
            check();
        } catch (RuntimeException e) { // the next run tries again
            log.warn("The check for overdue cases failed; the next run tries again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        long every = MailSettings.of(environment).overdueInterval().toMillis();
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mail-overdue");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::run, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledThreadPoolExecutor running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
