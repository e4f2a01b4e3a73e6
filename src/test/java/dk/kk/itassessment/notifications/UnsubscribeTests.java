package dk.kk.itassessment.notifications;

import static dk.kk.itassessment.notifications.Mails.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.DatabaseOwner;
import dk.kk.itassessment.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The one-click unsubscribe of RFC 8058 without login (a GET changes nothing, a POST unsubscribes once; forged and
 * used links are refused), and the overdue mail, once.
 */
@IntegrationTest
class UnsubscribeTests {

    private static final byte[] ONE_CLICK = "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseOwner owner;

    @Autowired
    OverdueNotices overdue;

    private List<String> subscribers(String number) {
        return api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/subscribers").json().valueStream()
                .map(JsonNode::asString).toList();
    }

    private static Api.Response post(Api as, String path) {
        return as.send(path, "POST", "application/x-www-form-urlencoded", ONE_CLICK, Map.of());
    }

    @Test
    void theLinkOfAMailUnsubscribesWithoutLoginOnceByPostOnly() {
        String requester = Mails.email(Mails.unique("leaver"));
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Quizlet"), requester);
        eventually().until(() -> Mails.about(requester, number).size() == 1);
        MimeMessage receipt = Mails.about(requester, number).get(0);
        String path = Mails.unsubscribePath(receipt);
        Api nobody = api.anonymous();

        Api.Response page = nobody.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<form method=\"post\" action=\"" + path + "\"").contains(number)
                .contains("Afmeld / Unsubscribe");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(subscribers(number)).as("a GET (a mail scanner) unsubscribes nobody").contains(requester);

        Api.Response done = post(nobody, path);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.text()).contains("Du er afmeldt").contains("You are unsubscribed");
        assertThat(subscribers(number)).doesNotContain(requester);
        assertThat(jdbc.sql("select count(*) from audit_entries where action = 'subscription.ended' and target = ?")
                .param("case/" + number).query(Long.class).single()).isEqualTo(1);

        Api.Response again = post(nobody, path);
        assertThat(again.status()).as("a used link").isEqualTo(410);
        assertThat(nobody.get(path).status()).isEqualTo(410);

        // unsubscribed, the requester hears nothing more of the case
        Mails.comment(api.as(Role.REVIEWER), number, "nobody listens", false);
        String watcher = "test-reviewer@test.example.dk";
        assertThat(jdbc.sql("select count(*) from mail_outbox where case_number = ? and recipient = ? and events::text like '%nobody listens%'")
                .params(number, requester).query(Long.class).single()).isZero();
        assertThat(watcher).isNotEqualTo(requester);
    }

    @Test
    void aForgedLinkIsRefusedAndChangesNothing() {
        String requester = Mails.email(Mails.unique("target"));
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Book Widgets"), requester);
        String token = jdbc.sql("select token::text from case_subscriptions where case_number = ? and email = ?")
                .params(number, requester).query(String.class).single();
        Api nobody = api.anonymous();
        String forgedSignature = "/mail/unsubscribe/" + token + "." + "A".repeat(43);
        String noSignature = "/mail/unsubscribe/" + token;
        String otherToken = "/mail/unsubscribe/00000000-0000-4000-8000-000000000000." + "B".repeat(43);
        for (String path : List.of(forgedSignature, noSignature, otherToken, "/mail/unsubscribe/not-a-link")) {
            assertThat(post(nobody, path).status()).as(path).isEqualTo(404);
            assertThat(nobody.get(path).status()).as(path).isEqualTo(404);
        }
        // with credentials the same: the link is the only authority there is
        assertThat(post(api.as(Role.ADMIN), forgedSignature).status()).isEqualTo(404);
        assertThat(subscribers(number)).contains(requester);
    }

    @Test
    void aCaseThatBecomesOverdueIsMailedOnce() {
        String requester = Mails.email(Mails.unique("late"));
        String number = Mails.open(api.as(Role.REQUESTER), Mails.unique("Lix"), requester);
        eventually().until(() -> Mails.about(requester, number).size() == 1);
        owner.jdbc().sql("update cases set due_date = current_date - 2, version = version + 1 where number = ?").param(number).update();

        overdue.check();
        overdue.check();

        eventually().until(() -> Mails.about(requester, number).size() == 2);
        String text = Mails.text(Mails.about(requester, number).get(1));
        assertThat(text).contains("Sagen har overskredet sin frist").contains("The case is past its due date");
        overdue.check();
        assertThat(jdbc.sql("select count(*) from mail_outbox where case_number = ? and events::text like '%OVERDUE%'")
                .param(number).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_overdue_notices where case_number = ?").param(number)
                .query(Long.class).single()).isEqualTo(1);
    }
}
