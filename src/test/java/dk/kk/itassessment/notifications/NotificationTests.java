package dk.kk.itassessment.notifications;

import static dk.kk.itassessment.notifications.Mails.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who is told what, through the API and a real SMTP server (GreenMail): the requester's receipt, subscribers but
 * the actor, internal comments to reviewers only, the assignee, nobody after unsubscribing, ten quick changes in one
 * mail, both languages, the headers.
 */
@IntegrationTest
class NotificationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    Mails mails() {
        return new Mails(api);
    }

    @Test
    void theRequesterGetsAReceiptInDanishAndEnglishWithTheHeaders() throws Exception {
        String requester = Mails.email(Mails.unique("mette"));
        String solution = Mails.unique("Book Creator");
        String number = Mails.open(api.as(Role.REQUESTER), solution, requester);

        eventually().until(() -> Mails.about(requester, number).size() == 1);
        MimeMessage receipt = Mails.about(requester, number).get(0);
        assertThat(receipt.getSubject()).contains(number).contains(solution).contains("Kvittering").contains("Receipt");
        Map<String, String> parts = Mails.parts(receipt);
        assertThat(parts).containsKeys("text/plain", "text/html");
        String text = parts.get("text/plain");
        assertThat(text.indexOf("Der er nyt i sag " + number)).isGreaterThanOrEqualTo(0)
                .isLessThan(text.indexOf("There is news on case " + number));
        assertThat(text).contains("Sagen er oprettet").contains("The case was opened")
                .contains("fuld anskaffelse").contains("full acquisition")
                .contains("du har indsendt anmodningen").contains("you submitted this request")
                .contains("http://localhost:8080/cases/" + number);
        assertThat(parts.get("text/html")).contains("lang=\"da\"").contains("lang=\"en\"")
                .contains("href=\"http://localhost:8080/cases/" + number + "\"");

        String messageId = jdbc.sql("select message_id from mail_outbox where case_number = ? and recipient = ?")
                .params(number, requester).query(String.class).single();
        assertThat(receipt.getMessageID()).isEqualTo(messageId);
        assertThat(Mails.header(receipt, "List-Unsubscribe"))
                .matches("<http://localhost:8080/mail/unsubscribe/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}>");
        assertThat(Mails.header(receipt, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(text).contains(Mails.header(receipt, "List-Unsubscribe").replaceAll("[<>]", ""));
        assertThat(Mails.header(receipt, "Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void eachEventReachesEachSubscriberButTheActorAndInternalCommentsOnlyReviewers() {
        Mails mails = mails();
        String requester = Mails.email(Mails.unique("requester"));
        String readerName = Mails.unique("reader");
        String actorName = Mails.unique("actor");
        String officerName = Mails.unique("officer");
        String assigneeName = Mails.unique("assignee");
        Api reader = mails.person(readerName, Role.REVIEWER);
        Api actor = mails.person(actorName, Role.REVIEWER);
        Api officer = mails.person(officerName, Role.POLICY_OFFICER);
        mails.person(assigneeName, Role.REVIEWER);
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Padlet"), requester);
        eventually().until(() -> Mails.about(requester, number).size() == 1);

        Mails.subscribe(reader, number);
        Mails.subscribe(actor, number);
        Mails.subscribe(officer, number);
        assertThat(actor.get("/api/v1/cases/" + number + "/subscribers").json().valueStream()
                .map(JsonNode::asString).toList())
                .containsExactly(Mails.email(actorName), Mails.email(officerName), Mails.email(readerName), requester);

        Mails.comment(actor, number, "internal-only remark", true);
        Mails.comment(actor, number, "a remark for everyone", false);
        Mails.assign(actor, number, assigneeName);

        eventually().until(() -> Mails.about(requester, number).size() == 2 && Mails.about(Mails.email(readerName), number).size() == 1
                && Mails.about(Mails.email(officerName), number).size() == 1
                && Mails.about(Mails.email(assigneeName), number).size() == 1);
        String toRequester = Mails.text(Mails.about(requester, number).get(1));
        assertThat(toRequester).contains("a remark for everyone").contains("Sagen er tildelt " + assigneeName)
                .doesNotContain("internal-only remark").contains("you submitted this request");
        for (String reviewer : List.of(readerName, officerName)) {
            String text = Mails.text(Mails.about(Mails.email(reviewer), number).get(0));
            assertThat(text).as(reviewer).contains("Intern kommentar: “internal-only remark”")
                    .contains("Internal comment: “internal-only remark”").contains("a remark for everyone")
                    .contains("you subscribed to this case");
        }
        String toAssignee = Mails.text(Mails.about(Mails.email(assigneeName), number).get(0));
        assertThat(toAssignee).contains("du er sagsbehandler på sagen").contains("you are the assignee of this case");

        // the officer unsubscribes; the next change reaches the others, not them
        Mails.unsubscribe(officer, number);
        Mails.comment(actor, number, "after the officer left", false);
        eventually().until(() -> Mails.about(Mails.email(readerName), number).size() == 2
                && Mails.about(requester, number).size() == 3 && Mails.about(Mails.email(assigneeName), number).size() == 2);
        assertThat(Mails.about(Mails.email(officerName), number)).hasSize(1);
        assertThat(Mails.about(Mails.email(actorName), number)).as("the actor is told nothing of their own changes")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where case_number = ? and recipient = ?")
                .params(number, Mails.email(actorName)).query(Long.class).single()).isZero();
    }

    @Test
    void tenQuickChangesAreOneMail() throws Exception {
        Mails mails = mails();
        String requester = Mails.email(Mails.unique("ten"));
        String readerName = Mails.unique("watcher");
        Api watcher = mails.person(readerName, Role.POLICY_OFFICER);
        Api reviewer = api.as(Role.REVIEWER);
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Kahoot"), requester);
        eventually().until(() -> Mails.about(requester, number).size() == 1);
        Mails.subscribe(watcher, number);

        JsonNode c = Mails.get(reviewer, number);
        List<String> codes = c.get("items").valueStream().map(i -> i.get("code").asString()).limit(10).toList();
        assertThat(codes).hasSize(10);
        for (String code : codes) {
            Mails.done(reviewer, number, code);
        }

        eventually().until(() -> jdbc.sql("select count(*) from mail_outbox where case_number = ? and status <> 'SENT'")
                .param(number).query(Long.class).single() == 0 && Mails.about(Mails.email(readerName), number).size() == 1);
        MimeMessage one = Mails.about(Mails.email(readerName), number).get(0);
        assertThat(one.getSubject()).contains(number);
        String text = Mails.text(one);
        assertThat(Mails.lines(text, "Punktet »")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(Mails.lines(text, "The item “")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(Mails.about(requester, number)).as("the receipt and one mail of the ten").hasSize(2);
    }

    @Test
    void aSubscriberWhoMayNoLongerReadTheCaseIsToldNothing() {
        Mails mails = mails();
        String requester = Mails.email(Mails.unique("asker"));
        String formerName = Mails.unique("former");
        String stayingName = Mails.unique("staying");
        Api former = mails.person(formerName, Role.REVIEWER);
        Api staying = mails.person(stayingName, Role.REVIEWER);
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Duolingo"), requester);
        Mails.subscribe(former, number);
        Mails.subscribe(staying, number);
        Api.Response demoted = api.put("/api/v1/users/" + formerName + "/roles", List.of("REQUESTER"));
        assertThat(demoted.status()).as(demoted.text()).isEqualTo(200);

        Mails.comment(api.as(Role.REVIEWER), number, "only for those who may read it", false);

        eventually().until(() -> Mails.about(Mails.email(stayingName), number).size() == 1);
        assertThat(Mails.about(Mails.email(formerName), number)).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where case_number = ? and recipient = ?")
                .params(number, Mails.email(formerName)).query(Long.class).single()).isZero();
    }

    @Test
    void subscribingNeedsReadingTheCase() {
        Mails mails = mails();
        String strangerName = Mails.unique("stranger");
        Api stranger = mails.person(strangerName, Role.REQUESTER);
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Canva"), Mails.email(Mails.unique("owner")));

        Api.Response refused = stranger.send("/api/v1/cases/" + number + "/subscription", "PUT", null, new byte[0], Map.of());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/cases/" + number + "/subscription").status()).isEqualTo(404);
        Mails.subscribe(api.as(Role.REQUESTER), number); // the submitter reads it
        Mails.subscribe(api.as(Role.REQUESTER), number); // and again: nothing changes
        List<String> subscribers = api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/subscribers").json()
                .valueStream().map(JsonNode::asString).toList();
        assertThat(subscribers).contains("test-requester@test.example.dk").doesNotContain(Mails.email(strangerName));
        assertThat(api.as(Role.REQUESTER).get("/api/v1/cases/" + number + "/subscribers").status()).isEqualTo(403);
    }
}
