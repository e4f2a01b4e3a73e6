package dk.kk.itassessment.notifications;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The one-click unsubscribe of a mail's {@code List-Unsubscribe} link (RFC 8058), without login. A POST — the mail
 * program's {@code List-Unsubscribe=One-Click}, or the button of the page — ends the subscription; a GET only shows
 * that button, because mail scanners fetch the links of a mail and must not unsubscribe anyone. A forged link is
 * 404, one already used 410; both change nothing.
 */
@Controller
@Hidden
class UnsubscribePage {

    private final UnsubscribeLinks links;
    private final Subscriptions subscriptions;

    UnsubscribePage(UnsubscribeLinks links, Subscriptions subscriptions) {
        this.links = links;
        this.subscriptions = subscriptions;
    }

    @GetMapping(UnsubscribeLinks.PATH + "{link}")
    String confirm(@PathVariable String link, Model model, HttpServletResponse response) {
        Optional<UUID> token = links.verify(link);
        Optional<String> number = token.flatMap(subscriptions::caseOf);
        return page(model, response, link, token.isEmpty() ? "invalid" : number.isEmpty() ? "used" : "confirm",
                number.orElse(null));
    }

    @PostMapping(UnsubscribeLinks.PATH + "{link}")
    String unsubscribe(@PathVariable String link, Model model, HttpServletResponse response) {
        Optional<UUID> token = links.verify(link);
        Optional<String> number = token.flatMap(subscriptions::unsubscribe);
        return page(model, response, link, token.isEmpty() ? "invalid" : number.isEmpty() ? "used" : "done",
                number.orElse(null));
    }

    private static String page(Model model, HttpServletResponse response, String link, String state, String number) {
        response.setStatus(switch (state) {
            case "invalid" -> 404;
            case "used" -> 410;
            default -> 200;
        });
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("state", state);
        model.addAttribute("number", number);
        model.addAttribute("action", UnsubscribeLinks.PATH + ("invalid".equals(state) ? "" : link));
        return "notifications/unsubscribe";
    }
}
