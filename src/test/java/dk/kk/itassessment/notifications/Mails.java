package dk.kk.itassessment.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.MailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The notification tests' helpers: people of their own, cases of their own, the mails they got. */
final class Mails {

    private final Api api;

    Mails(Api api) {
        this.api = api;
    }

    /** A bounded wait for what the sender does in its own time (never an assertion about how long it takes). */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String email(String username) {
        return username + "@mail-test.example.dk";
    }

    /** An account of the test's own, with an e-mail address of its own. */
    Api person(String username, Role role) {
        String password = "test-only-password-of-" + username;
        Api.Response created = api.post("/api/v1/users", Map.of("username", username, "email", email(username),
                "password", password, "roles", List.of(role.name())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return api.as(username, password);
    }

    /** Opens a case submitted by {@code as} for a requester with {@code requesterEmail}; its number. */
    static String open(Api as, String solution, String requesterEmail) {
        ObjectNode request = (ObjectNode) Examples.request().deepCopy();
        ((ObjectNode) request.get("solution")).put("name", solution);
        ((ObjectNode) request.get("requester")).put("email", requesterEmail);
        Api.Response stored = as.post("/api/v1/assessments", request);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        return stored.json().get("caseNumber").asString();
    }

    static JsonNode get(Api as, String number) {
        Api.Response c = as.get("/api/v1/cases/" + number);
        assertThat(c.status()).as(c.text()).isEqualTo(200);
        return c.json();
    }

    static String etag(JsonNode c) {
        return "\"" + c.get("version").asLong() + "\"";
    }

    static void comment(Api reviewer, String number, String text, boolean internal) {
        Api.Response posted = reviewer.post("/api/v1/cases/" + number + "/comments",
                Map.of("text", text, "internal", internal));
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    }

    static void assign(Api reviewer, String number, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        Api.Response assigned = reviewer.put("/api/v1/cases/" + number + "/assignee", body);
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
    }

    static void done(Api reviewer, String number, String code) {
        String version = etag(get(reviewer, number));
        Api.Response done = reviewer.send("/api/v1/cases/" + number + "/items/" + code, "PUT", "application/json",
                Api.bytes(Map.of("state", "DONE")), Map.of("If-Match", version));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }

    static void subscribe(Api as, String number) {
        Api.Response subscribed = as.send("/api/v1/cases/" + number + "/subscription", "PUT", null, new byte[0], Map.of());
        assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(204);
    }

    static void unsubscribe(Api as, String number) {
        Api.Response done = as.delete("/api/v1/cases/" + number + "/subscription");
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }

    /** The mails {@code recipient} received about case {@code number}. */
    static List<MimeMessage> about(String recipient, String number) {
        return MailServer.to(recipient).stream().filter(m -> subject(m).contains(number)).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a mail by content type (text/plain, text/html), as text. */
    static Map<String, String> parts(Part part) {
        Map<String, String> parts = new LinkedHashMap<>();
        collect(part, parts);
        return parts;
    }

    private static void collect(Part part, Map<String, String> parts) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, parts);
                }
            } else {
                String type = part.getContentType().toLowerCase(Locale.ROOT);
                parts.put(type.substring(0, type.contains(";") ? type.indexOf(';') : type.length()).strip(),
                        String.valueOf(content));
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) {
        return parts(m).getOrDefault("text/plain", "");
    }

    /** The path of the mail's one-click unsubscribe link (its host is assessment.public-url's). */
    static String unsubscribePath(MimeMessage m) {
        String header = header(m, "List-Unsubscribe");
        assertThat(header).startsWith("<").endsWith(">");
        String url = header.substring(1, header.length() - 1);
        return url.substring(url.indexOf("/mail/unsubscribe/"));
    }

    static List<String> lines(String text, String containing) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.contains(containing)) {
                lines.add(line);
            }
        }
        return lines;
    }
}
