package dk.kk.itassessment.notifications;

import dk.kk.itassessment.audit.AuditTrail;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the due mails of the outbox, on a thread of its own, every {@code assessment.mail.poll-interval}: each
 * in a transaction of its own that takes the row ({@code for update skip locked}: instances share the work, none
 * sends a row another holds), sends it and marks it SENT, or counts the attempt and tries again after a backoff
 * ({@code retry-delay}, doubled each time up to {@code retry-max}) until, after {@code max-attempts} or an answer that
 * will not change (a 5xx for the address), it is FAILED with the error. A row is marked in the transaction that
 * took it, so after a kill -9 the row that was being sent is PENDING again and is taken again after the restart:
 * it is the one mail that may arrive twice, with the same Message-ID. A SENT row is never taken again.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final MailComposer composer;
    private final Delivery delivery;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final Clock clock;
    private volatile ExecutorService executor;
    private volatile boolean running;
    private volatile boolean failing;

    OutboxSender(Outbox outbox, MailComposer composer, Delivery delivery, AuditTrail audit,
                 TransactionTemplate transaction, Environment environment, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.delivery = delivery;
        this.audit = audit;
        this.transaction = transaction;
        this.environment = environment;
        this.clock = clock;
    }

    private void loop() {
        while (running) {
            MailSettings settings = MailSettings.of(environment);
            try (Delivery.Transport transport = delivery.transport(settings)) {
                while (running && sendOne(settings, transport)) {
                    // the next due mail at once
                }
                failing = false;
            } catch (RuntimeException e) { // the database away: the rows wait, the next poll tries again
                if (!failing) {
                    log.warn("The mail outbox could not be read; the sender tries again: {}", e.toString());
                }
                failing = true;
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends the next due mail; false when none is due. */
    boolean sendOne(MailSettings settings, Delivery.Transport transport) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Instant now = Instant.now(clock);
            Outbox.Row row = outbox.claimNext(now).orElse(null);
            if (row == null) {
                return false;
            }
            int attempt = row.attempts() + 1;
            try {
                MimeMessage message = composer.compose(row, transport.session(), settings.from());
                transport.deliver(message, row);
                outbox.sent(row.id(), attempt, Instant.now(clock));
            } catch (MessagingException | RuntimeException e) {
                String error = describe(e);
                if (permanent(e) || attempt >= settings.maxAttempts()) {
                    outbox.failed(row.id(), attempt, error);
                    audit.record("system", "mail.failed", "case/" + row.caseNumber(),
                            Map.of("mail", row.id(), "attempts", attempt));
                    log.warn("Mail {} of case {} FAILED after {} attempt(s): {}", row.id(), row.caseNumber(), attempt,
                            error);
                } else {
                    Instant next = now.plus(settings.backoff(attempt));
                    outbox.retry(row.id(), attempt, error, next);
                    log.info("Mail {} of case {}: attempt {} failed, the next at {}: {}", row.id(), row.caseNumber(),
                            attempt, next, error);
                }
            }
            return true;
        }));
    }

    /** An answer that will not change by trying again: the server refuses the address or the sender (5xx). */
    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (returnCode(t) >= 500) {
                return true;
            }
            if (t instanceof SendFailedException failed && failed.getNextException() != null
                    && permanent(failed.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code of Angus Mail's SMTP exceptions (SMTPAddressFailedException, SMTPSendFailedException, …:
     * the implementation's classes, on the runtime classpath only), 0 for any other.
     */
    private static int returnCode(Throwable t) {
        if (!(t instanceof MessagingException)) {
            return 0;
        }
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer n ? n : 0;
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }

    /** The error as the outbox keeps it: the innermost messages, one line, at most 1,000 characters. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        String line = text.toString().replaceAll("[\\p{Cntrl}]+", " ").strip();
        return line.length() > 1000 ? line.substring(0, 999) + "…" : line;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::loop);
    }

    /** Stops after the mail being sent (if any) is marked; what is left stays PENDING for the next start. */
    @Override
    public synchronized void stop() {
        running = false;
        ExecutorService stopping = executor;
        executor = null;
        if (stopping != null) {
            stopping.shutdown();
            try {
                if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
                    stopping.shutdownNow();
                }
            } catch (InterruptedException e) {
                stopping.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
