package dk.kk.itassessment.intake;

import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.registry.Permitted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page for everyone: what an IT acquisition is and why (the seed page's message), the search in the
 * solutions already permitted ("Findes det allerede?", each with a link into the form filled in with it), and the
 * way into the form. Also the accessibility statement.
 */
@PageController
class StartPage {

    /** How many permitted solutions a search shows. */
    static final int SHOWN = 20;
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Permitted permitted;
    private final Clock clock;
    private final String contact;

    /** {@code contact}: where people report an accessibility problem ({@code assessment.accessibility-contact}). */
    StartPage(Permitted permitted, Clock clock,
              @org.springframework.beans.factory.annotation.Value("${assessment.accessibility-contact}") String contact) {
        this.permitted = permitted;
        this.clock = clock;
        this.contact = contact;
    }

    @GetMapping("/")
    String start(@RequestParam(name = "q", required = false) String query, Model model) {
        String q = query == null ? "" : query.strip();
        model.addAttribute("q", q);
        if (q.length() > Permitted.MAX_QUERY) {
            model.addAttribute("queryTooLong", true);
        } else if (!q.isEmpty()) {
            model.addAttribute("found", permitted.search(q, LocalDate.now(clock.withZone(COPENHAGEN)), SHOWN));
        }
        return "intake/start";
    }

    @GetMapping("/accessibility")
    String accessibility(Model model) {
        model.addAttribute("contact", contact);
        return "intake/accessibility";
    }
}
