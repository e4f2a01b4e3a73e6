package dk.kk.itassessment.audit;

import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// ADMIN only: the authorization rules come with the security branch.
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The tamper-evident audit trail: every change, with its actor, time, action, "
        + "target and a SHA-256 hash chained to the entry before it. Entries cannot be changed or removed.")
class AuditController {


    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "The audit trail, newest first", description = "A page `{items, page, size, total}`; "
            + "`page` from 0 (default 0), `size` 1–100 (default 20).")
    AuditPage list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.of(page, size, (field, message) -> errors.add(new FieldError(field, message)));
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The query has invalid parameters.", errors);
        }
        return new AuditPage(trail.page(paging.page(), paging.size()), paging.page(), paging.size(), trail.count());
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the chain", description = "Chains the entries still pending (committed, not yet "
            + "hashed), then computes every entry's hash again, in order: "
            + "`{intact: true, entries}`, or `{intact: false, entries, firstBrokenEntry}` with the `seq` of the "
            + "first entry that was changed or does not follow the one before it (one removed or put in between).")
    Verification verify() {
        return trail.verify();
    }

    @Schema(name = "AuditPage")
    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }
}
