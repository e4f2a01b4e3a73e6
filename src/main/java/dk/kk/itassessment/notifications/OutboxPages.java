package dk.kk.itassessment.notifications;

import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.platform.Paging;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/mail} (ADMIN, like everything under /admin): the mail outbox, newest first, optionally of one status,
 * with attempts and the last error — what {@code GET /api/v1/mail/outbox} answers, from {@link MailOutbox}. Never a
 * mail's text. Here, not in access/AdminPages, because this module already uses access (People).
 */
@PageController
class OutboxPages {

    static final int SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private final MailOutbox outbox;

    OutboxPages(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String outbox(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                  Model model) {
        String wanted = status != null && MailOutbox.STATUSES.contains(status) ? status : null;
        int number = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        MailOutbox.Page mails = outbox.list(wanted, new Paging(number, SIZE));
        model.addAttribute("mails", mails);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", MailOutbox.STATUSES);
        model.addAttribute("page", number);
        model.addAttribute("more", (long) (number + 1) * SIZE < mails.total());
        model.addAttribute("time", TIME);
        return "admin/mail";
    }
}
