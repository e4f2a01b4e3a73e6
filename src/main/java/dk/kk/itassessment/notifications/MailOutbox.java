package dk.kk.itassessment.notifications;

import dk.kk.itassessment.platform.Paging;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The outbox as admins read it ({@code GET /api/v1/mail/outbox}, and the admin page): newest first, optionally of
 * one status, with attempts and the last error. Public for the admin page; never the mail's text.
 */
@Service
public class MailOutbox {

    public static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

    public record Mail(long id, String messageId, String caseNumber, String recipient, String status, int attempts,
                       String lastError, Instant createdAt, Instant dueAt, Instant sentAt) {
    }

    public record Page(List<Mail> items, int page, int size, long total) {
    }

    private final Outbox outbox;

    MailOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code status} one of {@link #STATUSES}, or null for all. */
    public Page list(String status, Paging paging) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        List<Mail> items = outbox.page(status, paging.offset(), paging.size()).stream()
                .map(r -> new Mail(r.id(), r.messageId(), r.caseNumber(), r.recipient(), r.status(), r.attempts(),
                        r.lastError(), r.createdAt(), r.dueAt(), r.sentAt()))
                .toList();
        return new Page(items, paging.page(), paging.size(), outbox.count(status));
    }
}
