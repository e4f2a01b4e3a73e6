package dk.kk.itassessment.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A case as another module needs it (the mail that tells of its changes): who asked, for what, who works it, when it
 * is due, and the titles of its items (by code, Danish and English) to name an item a change is about.
 */
public record CaseSummary(String number, String solution, String supplier, String status, boolean open,
                          String requesterName, String requesterEmail, String submittedBy, String assignee,
                          LocalDate dueDate, Map<String, Title> items) {

    public record Title(String da, String en) {
    }

    /** One entry of a case's history: the facts of a change ({@code details} as CONTRACT.md's history answers them). */
    public record Event(Instant at, String actor, String event, Map<String, Object> details, boolean internal) {
    }

    static CaseSummary of(Case c) {
        Map<String, Title> items = new java.util.LinkedHashMap<>();
        c.items.forEach(i -> items.put(i.code, new Title(i.title.da(), i.title.en())));
        return new CaseSummary(c.number, c.solution.name(), c.solution.supplierName(), c.status.name(),
                c.status.open(), c.requester.name(), c.requester.email(), c.submittedBy, c.assignee, c.dueDate,
                Map.copyOf(items));
    }
}
