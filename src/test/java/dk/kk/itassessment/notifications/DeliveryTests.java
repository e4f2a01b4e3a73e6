package dk.kk.itassessment.notifications;

import static dk.kk.itassessment.notifications.Mails.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.DatabaseOwner;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.MailServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Delivery that loses nothing and sends nothing twice: the mail server down and back, the sender stopped in the
 * middle of a batch while another holds some rows, a mail the server never takes FAILED with its error, the drop
 * folder, the outbox for admins. The transport is read from the configuration at every poll, so a test flips it by
 * putting a property source in front (and takes it away again).
 */
@IntegrationTest
class DeliveryTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseOwner owner;

    @Autowired
    OutboxSender sender;

    @Autowired
    ConfigurableEnvironment environment;

    private String status(String number, String recipient) {
        return jdbc.sql("select status from mail_outbox where case_number = ? and recipient = ?")
                .params(number, recipient).query(String.class).single();
    }

    private String messageId(String number, String recipient) {
        return jdbc.sql("select message_id from mail_outbox where case_number = ? and recipient = ?")
                .params(number, recipient).query(String.class).single();
    }

    @Test
    void mailsWaitWhileTheServerIsDownAndAreEachDeliveredOnceWhenItIsBack() {
        String requester = Mails.email(Mails.unique("patient"));
        MailServer.stop();
        String number;
        try {
            number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Seesaw"), requester);
            eventually().until(() -> jdbc.sql("select attempts >= 2 and last_error is not null from mail_outbox"
                    + " where case_number = ? and recipient = ?").params(number, requester).query(Boolean.class).single());
            assertThat(status(number, requester)).isEqualTo("PENDING");
            JsonNode pending = api.get("/api/v1/mail/outbox?status=PENDING&size=100").json();
            assertThat(pending.get("items").valueStream().filter(m -> m.get("caseNumber").asString().equals(number)))
                    .singleElement().satisfies(m -> {
                        assertThat(m.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                        assertThat(m.get("lastError").asString()).containsIgnoringCase("connect");
                    });
        } finally {
            MailServer.start();
        }
        eventually().until(() -> status(number, requester).equals("SENT"));
        assertThat(Mails.about(requester, number)).singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId(number, requester)));
    }

    @Test
    void theSenderStoppedInTheMiddleOfABatchLosesNothingAndSendsNothingTwice() {
        List<String> recipients = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        sender.stop();
        try {
            for (int i = 0; i < 12; i++) {
                String requester = Mails.email(Mails.unique("batch" + i));
                recipients.add(requester);
                numbers.add(Mails.open(api.as(Role.REQUESTER), Mails.unique("Batch"), requester));
            }
            eventually().until(() -> jdbc.sql("select count(*) from mail_outbox where case_number = any(?)"
                    + " and status = 'PENDING' and due_at <= now()").param(numbers.toArray(String[]::new))
                    .query(Long.class).single() == 12);
            // another instance holds three of them (claimed, in the middle of sending) while this one works
            List<String> held = numbers.subList(0, 3);
            owner.transaction().executeWithoutResult(status -> {
                status.setRollbackOnly(); // in the end the other instance dies: its rows are PENDING again
                owner.jdbc().sql("select id from mail_outbox where case_number = any(?) for update")
                        .param(held.toArray(String[]::new)).query(Long.class).list();
                sender.start();
                eventually().until(() -> numbers.subList(3, 12).stream()
                        .allMatch(n -> status(n, recipients.get(numbers.indexOf(n))).equals("SENT")));
                sender.stop(); // and this one is restarted in the middle of the batch
                for (int i = 0; i < 3; i++) {
                    assertThat(Mails.about(recipients.get(i), numbers.get(i))).isEmpty();
                    assertThat(status(numbers.get(i), recipients.get(i))).isEqualTo("PENDING");
                }
            });
        } finally {
            sender.start();
        }
        eventually().until(() -> numbers.stream().allMatch(n -> status(n, recipients.get(numbers.indexOf(n))).equals("SENT")));
        for (int i = 0; i < 12; i++) {
            String id = messageId(numbers.get(i), recipients.get(i));
            assertThat(Mails.about(recipients.get(i), numbers.get(i))).as(recipients.get(i)).singleElement()
                    .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(id));
        }
    }

    @Test
    void aMailTheServerNeverTakesIsFailedWithTheErrorAfterTheLastTry() {
        String requester = Mails.email(Mails.unique("never"));
        MapPropertySource once = new MapPropertySource("mail-test-one-try", Map.of("assessment.mail.max-attempts", "1"));
        MailServer.stop();
        environment.getPropertySources().addFirst(once);
        String number;
        try {
            number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Nearpod"), requester);
            eventually().until(() -> status(number, requester).equals("FAILED"));
        } finally {
            environment.getPropertySources().remove(once.getName());
            MailServer.start();
        }
        JsonNode failed = api.get("/api/v1/mail/outbox?status=FAILED&size=100").json();
        assertThat(failed.get("items").valueStream().filter(m -> m.get("caseNumber").asString().equals(number)))
                .singleElement().satisfies(m -> {
                    assertThat(m.get("status").asString()).isEqualTo("FAILED");
                    assertThat(m.get("attempts").asInt()).isEqualTo(1);
                    assertThat(m.get("lastError").asString()).containsIgnoringCase("connect");
                });
        assertThat(jdbc.sql("select count(*) from audit_entries where action = 'mail.failed' and target = ?")
                .param("case/" + number).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAMailServerEachMailIsAnEmlFileInTheDropFolder() throws Exception {
        Path drop = Path.of("target", "mail-drop-" + UUID.randomUUID());
        MapPropertySource folder = new MapPropertySource("mail-test-drop", Map.of("assessment.mail.transport", "drop",
                "assessment.mail.drop-dir", drop.toString()));
        String requester = Mails.email(Mails.unique("dropped"));
        environment.getPropertySources().addFirst(folder);
        String number;
        try {
            number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Scratch"), requester);
            eventually().until(() -> status(number, requester).equals("SENT"));
        } finally {
            environment.getPropertySources().remove(folder.getName());
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(drop)) {
            files = listed.filter(p -> p.getFileName().toString().startsWith(number)).toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".eml"));
        MimeMessage eml;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            eml = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(eml.getSubject()).contains(number);
        assertThat(eml.getMessageID()).isEqualTo(messageId(number, requester));
        assertThat(Mails.header(eml, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.text(eml)).contains("Der er nyt i sag").contains("There is news on case");
        assertThat(Mails.about(requester, number)).as("not over SMTP as well").isEmpty();
        JsonNode sent = api.get("/api/v1/mail/outbox?status=SENT&size=100").json();
        assertThat(sent.get("items").valueStream().map(m -> m.get("caseNumber").asString())).contains(number);
    }

    @Test
    void theOutboxIsListedForAdminsAndItsQueryChecked() {
        Api.Response bad = api.get("/api/v1/mail/outbox?status=LOST&size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("status").contains("size");
        Api.Response page = api.get("/api/v1/mail/outbox?page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("size").asInt()).isEqualTo(2);
        assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
    }
}
