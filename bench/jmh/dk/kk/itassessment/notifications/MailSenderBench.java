package dk.kk.itassessment.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.kk.itassessment.ItAssessmentApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the sender empties the outbox into a real SMTP server (GreenMail, on loopback), and how long a due mail
 * waits for it: the service with its embedded PostgreSQL, one case, {@code MAILS} due mails to distinct recipients
 * written while the sender is stopped, then the sender started and the clock read until every row is SENT.
 * Not a JMH benchmark: one run of the real thing, repeated {@code ROUNDS} times (bench/mail.sh).
 */
public final class MailSenderBench {

    public static void main(String[] args) throws Exception {
        int mails = Integer.parseInt(System.getProperty("mails", "2000"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "3"));
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        ConfigurableApplicationContext context = new SpringApplication(ItAssessmentApplication.class).run(
                "--server.port=0", "--assessment.embedded-db.data-dir=target/bench-mail-postgres",
                "--assessment.embedded-db.clean=true", "--assessment.demo-data=false",
                "--assessment.security.bootstrap-admin.password=bench-only-password-0123",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--assessment.mail.poll-interval=50ms", "--assessment.mail.batch-window=0s",
                "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Outbox outbox = context.getBean(Outbox.class);
            OutboxSender sender = context.getBean(OutboxSender.class);
            MailSettings settings = MailSettings.of(context.getEnvironment());
            String number = openCase(context.getEnvironment().getProperty("local.server.port"));
            for (int round = 1; round <= rounds; round++) {
                sender.stop();
                jdbc.sql("delete from mail_outbox").update();
                smtp.purgeEmailFromAllMailboxes(); // not reset(): that would bind another port
                Instant written = Instant.now();
                List<EventTexts.Line> lines = List.of(new EventTexts.Line("COMMENTED", "02-12-2026 14:00", "bench",
                        "Kommentar: “en måling”", "Comment: “a measurement”"));
                for (int i = 0; i < mails; i++) {
                    outbox.append(number, "bench-" + i + "@bench.example.dk", "SUBSCRIBER", "Bench", UUID.randomUUID(),
                            lines, written, settings, "bench.example.dk");
                }
                long start = System.nanoTime();
                sender.start();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (jdbc.sql("select count(*) from mail_outbox where status = 'SENT'").query(Long.class).single() < mails) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not all SENT after 10 minutes: " + jdbc.sql(
                                "select status || ' ' || attempts || ' ' || count(*) || ' ' || coalesce(max(last_error), '')"
                                        + " from mail_outbox group by status, attempts").query(String.class).list());
                    }
                    sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Duration longest = Duration.ofMillis(jdbc.sql("select cast(extract(epoch from max(sent_at - due_at)) * 1000"
                        + " as bigint) from mail_outbox").query(Long.class).single());
                System.out.printf("round %d: %d mails in %.2f s = %.0f mails/s; longest wait after due %d ms; received %d%n",
                        round, mails, seconds, mails / seconds, longest.toMillis(), smtp.getReceivedMessages().length);
            }
        } finally {
            context.close();
            smtp.stop();
        }
    }

    /** A case to mail about, opened as a request opens one (examples/book.json, as the bootstrap admin). */
    private static String openCase(String port) {
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:bench-only-password-0123".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples/book.json"))).build();
            String answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).body();
            Matcher number = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
            if (!number.find()) {
                throw new IllegalStateException("no case opened: " + answer);
            }
            return number.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
