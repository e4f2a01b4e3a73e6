package dk.kk.itassessment.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as the contract answers it (CONTRACT.md "Cases", fields in its order), and after them the comments the
 * caller may see: a requester never sees an internal one.
 */
record CaseView(String number, UUID assessmentId, String status, String phase, String route, Solution solution,
                Requester requester, String assignee, Instant openedAt, LocalDate dueDate, boolean overdue,
                List<Item> items, Outcome outcome, boolean policyChanged, long version,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<Comment> comments) {

    record Solution(String name, String supplierName, String kind, String category) {
    }

    record Requester(String name, String email, String institution) {
    }

    record Item(String code, Evaluation.Text title, String responsible, String phase, boolean mandatory, String rule,
                String state, String note, String updatedBy, Instant updatedAt) {
    }

    record Outcome(String decision, LocalDate permissionValidUntil, String note, String decidedBy, Instant decidedAt) {
    }

    record Comment(String author, Instant at, String text, boolean internal) {
    }

    /** {@code comments} null: a list of cases, which carries none. */
    static CaseView of(Case c, LocalDate today, List<Cases.Comment> comments) {
        return new CaseView(c.number, c.assessmentId, c.status.name(), c.phase(), c.route,
                new Solution(c.solution.name(), c.solution.supplierName(), c.solution.kind(), c.solution.category()),
                new Requester(c.requester.name(), c.requester.email(), c.requester.institution()),
                c.assignee, c.openedAt, c.dueDate, c.overdue(today),
                c.items.stream().map(i -> new Item(i.code, i.title, i.responsible, i.phase, i.mandatory, i.rule,
                        i.state.name(), i.note, i.updatedBy, i.updatedAt)).toList(),
                c.outcome == null ? null : new Outcome(c.outcome.decision(), c.outcome.permissionValidUntil(),
                        c.outcome.note(), c.outcome.decidedBy(), c.outcome.decidedAt()),
                c.policyChanged, c.version,
                comments == null ? null : comments.stream()
                        .map(k -> new Comment(k.author(), k.at(), k.text(), k.internal())).toList());
    }
}
