package dk.kk.itassessment.notifications;

import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class OutboxController {

    private final MailOutbox outbox;

    OutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(path = "/api/v1/mail/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The mail outbox (admins)", description = "Every e-mail the service wrote, newest first: "
            + "`status` PENDING|SENT|FAILED (optional), `page` from 0, `size` 1–100 (default 20); each with its "
            + "attempts and last error.")
    MailOutbox.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                         @RequestParam(required = false) String size) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Paging paging = Paging.of(page, size, (field, message) -> errors.add(new Problems.FieldError(field, message)));
        String wanted = status == null || status.isBlank() ? null : status;
        if (wanted != null && !MailOutbox.STATUSES.contains(wanted)) {
            errors.add(new Problems.FieldError("status", "must be one of " + String.join(", ", MailOutbox.STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The query has invalid parameters.", errors);
        }
        return outbox.list(wanted, paging);
    }
}
