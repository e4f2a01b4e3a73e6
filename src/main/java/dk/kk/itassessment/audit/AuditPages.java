package dk.kk.itassessment.audit;

import dk.kk.itassessment.platform.PageController;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/audit} (ADMIN, like everything under /admin): the audit trail, newest first, and the verification of
 * its chain on request — what {@code GET /api/v1/audit} and {@code /api/v1/audit/verify} answer, from the same
 * {@link AuditTrail} methods. Reading changes nothing (the pending entries are chained first, as for the API).
 */
@PageController
class AuditPages {

    static final int SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String trail(@RequestParam(required = false) String page, @RequestParam(required = false) String verify,
                 Model model) {
        if (verify != null) {
            model.addAttribute("verification", trail.verify());
        }
        long total = trail.count();
        int pages = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        int shown = Math.min(number(page), pages - 1);
        model.addAttribute("entries", trail.page(shown, SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("first", total == 0 ? 0 : (long) shown * SIZE + 1);
        model.addAttribute("last", Math.min(total, (long) (shown + 1) * SIZE));
        model.addAttribute("time", TIME);
        return "admin/audit";
    }

    /** A page number from the query: anything but a small whole number is the first page. */
    private static int number(String page) {
        if (page == null || !page.matches("\\d{1,6}")) {
            return 0;
        }
        return Integer.parseInt(page);
    }
}
