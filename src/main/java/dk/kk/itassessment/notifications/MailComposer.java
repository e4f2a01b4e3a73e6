package dk.kk.itassessment.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox row as an e-mail: the case number and the solution in the subject; what changed, in Danish and then in
 * English; the link to the case page; why the recipient gets it; a plain-text part and a simple HTML part; the
 * row's own Message-ID (the same at every attempt, so a receiver can tell a mail sent again after a crash) and the
 * RFC 8058 one-click unsubscribe headers.
 */
@Component
class MailComposer {

    private static final TypeReference<List<EventTexts.Line>> LINES = new TypeReference<>() {
    };
    private static final Map<String, String[]> WHY = Map.of(
            "REQUESTER", new String[]{"du har indsendt anmodningen", "you submitted this request"},
            "SUBSCRIBER", new String[]{"du abonnerer på sagen", "you subscribed to this case"},
            "ASSIGNEE", new String[]{"du er sagsbehandler på sagen", "you are the assignee of this case"});

    private final UnsubscribeLinks links;
    private final JsonMapper json;

    MailComposer(UnsubscribeLinks links, JsonMapper json) {
        this.links = links;
        this.json = json;
    }

    MimeMessage compose(Outbox.Row row, Session session, String from) throws MessagingException {
        List<EventTexts.Line> lines = json.readValue(row.events(), LINES);
        String caseUrl = links.publicUrl() + "/cases/" + row.caseNumber();
        String unsubscribe = row.unsubscribeToken() == null ? null : links.link(row.unsubscribeToken());
        String[] why = WHY.getOrDefault(row.reason(), WHY.get("SUBSCRIBER"));

        MimeMessage message = new StableMessage(session, row.messageId());
        MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
        try {
            mail.setFrom(new InternetAddress(from, "IT-anskaffelser (BUF)", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setTo(row.recipient());
        mail.setSubject(subject(row, lines));
        mail.setSentDate(new Date());
        mail.setText(text(row, lines, caseUrl, unsubscribe, why), html(row, lines, caseUrl, unsubscribe, why));
        message.setHeader("Auto-Submitted", "auto-generated");
        // the mails of one case thread together in the recipient's mail program
        message.setHeader("References", "<" + row.caseNumber() + "@" + CaseMail.domain(from) + ">");
        if (unsubscribe != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    static String subject(Outbox.Row row, List<EventTexts.Line> lines) {
        String what = lines.size() == 1 && lines.get(0).event().equals("OPENED")
                ? "Kvittering / Receipt"
                : lines.size() == 1 ? "1 ændring / 1 change" : lines.size() + " ændringer / changes";
        return row.caseNumber() + " " + oneLine(row.solution()) + ": " + what;
    }

    private static String text(Outbox.Row row, List<EventTexts.Line> lines, String caseUrl, String unsubscribe,
                               String[] why) {
        StringBuilder t = new StringBuilder();
        t.append("Der er nyt i sag ").append(row.caseNumber()).append(" (").append(oneLine(row.solution())).append("):\n\n");
        lines.forEach(l -> t.append("- ").append(l.at()).append(" (").append(l.actor()).append("): ").append(l.da()).append('\n'));
        t.append("\nSe sagen: ").append(caseUrl).append('\n');
        t.append("Du får denne mail, fordi ").append(why[0]).append(".\n");
        if (unsubscribe != null) {
            t.append("Afmeld mails om sagen: ").append(unsubscribe).append('\n');
        }
        t.append("\n-- English --\n\n");
        t.append("There is news on case ").append(row.caseNumber()).append(" (").append(oneLine(row.solution())).append("):\n\n");
        lines.forEach(l -> t.append("- ").append(l.at()).append(" (").append(l.actor()).append("): ").append(l.en()).append('\n'));
        t.append("\nSee the case: ").append(caseUrl).append('\n');
        t.append("You get this e-mail because ").append(why[1]).append(".\n");
        if (unsubscribe != null) {
            t.append("Unsubscribe from this case: ").append(unsubscribe).append('\n');
        }
        return t.toString();
    }

    private static String html(Outbox.Row row, List<EventTexts.Line> lines, String caseUrl, String unsubscribe,
                               String[] why) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><body>");
        part(h, "da", "Der er nyt i sag", row, lines, true, caseUrl, "Se sagen", "Du får denne mail, fordi " + why[0] + ".",
                unsubscribe, "Afmeld mails om sagen");
        h.append("<hr>");
        part(h, "en", "There is news on case", row, lines, false, caseUrl, "See the case",
                "You get this e-mail because " + why[1] + ".", unsubscribe, "Unsubscribe from this case");
        return h.append("</body></html>").toString();
    }

    private static void part(StringBuilder h, String lang, String heading, Outbox.Row row, List<EventTexts.Line> lines,
                             boolean danish, String caseUrl, String see, String why, String unsubscribe, String off) {
        h.append("<div lang=\"").append(lang).append("\"><p>").append(heading).append(' ')
                .append(esc(row.caseNumber())).append(" (").append(esc(row.solution())).append("):</p><ul>");
        lines.forEach(l -> h.append("<li>").append(esc(l.at())).append(" (").append(esc(l.actor())).append("): ")
                .append(esc(danish ? l.da() : l.en())).append("</li>"));
        h.append("</ul><p><a href=\"").append(esc(caseUrl)).append("\">").append(see).append("</a></p><p>")
                .append(esc(why)).append("</p>");
        if (unsubscribe != null) {
            h.append("<p><a href=\"").append(esc(unsubscribe)).append("\">").append(off).append("</a></p>");
        }
        h.append("</div>");
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** A message whose Message-ID is the outbox row's, not a new one at every save (MimeMessage's default). */
    static final class StableMessage extends MimeMessage {
        private final String id;

        StableMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
