package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import dk.kk.itassessment.support.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case pages' forms for every role, over plain HTTP (status codes a browser hides): each answers as its API
 * operation would — the reviewers' operations are the 403 page for everybody else, a case not the caller's to read
 * is the 404 page, an item is worked by whom its responsible names — and a refused form changes nothing. A form
 * without its CSRF token is refused too.
 */
@IntegrationTest
class CasePagesAccessTests {

    @Autowired
    Api api;

    static PageSession signedIn(Api api, Role role) {
        PageSession session = new PageSession(api.port());
        String username = TestAccounts.username(role);
        assertThat(session.signIn(username, TestAccounts.password(username)).statusCode()).isEqualTo(302);
        return session;
    }

    /** Posts {@code fields} with the session's token and the case's current version. */
    HttpResponse<String> post(PageSession session, String path, String number, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", session.csrf("/cases"));
        form.put("version", String.valueOf(new CaseApi(api).get(number).get("version").asLong()));
        return session.post(path, form);
    }

    @Test
    void everyRoleMayDoOnThePagesWhatItMayDoThroughTheApi() {
        CaseApi cases = new CaseApi(api);
        String number = cases.open(CaseApi.request(CaseApi.unique("Page matrix")));
        String base = "/cases/" + number;
        Map<Role, Integer> read = new EnumMap<>(Role.class);
        Map<Role, Integer> comment = new EnumMap<>(Role.class);
        Map<Role, Integer> decide = new EnumMap<>(Role.class);
        Map<Role, Integer> reassess = new EnumMap<>(Role.class);
        Map<Role, Integer> item = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            PageSession session = signedIn(api, role);
            assertThat(session.get("/cases").statusCode()).as("the list, %s", role)
                    .isEqualTo(role == Role.MONITORING ? 403 : 200); // MONITORING reads the metrics, no case
            read.put(role, session.get(base).statusCode());
            comment.put(role, post(session, base + "/comments", number, Map.of("text", "From " + role)).statusCode());
            decide.put(role, post(session, base + "/decision", number, Map.of()).statusCode());
            reassess.put(role, post(session, base + "/reassess", number, Map.of()).statusCode());
            item.put(role, post(session, base + "/items/SUBMIT_ACQUISITION_FORM", number,
                    Map.of("state", role == Role.REQUESTER ? "DONE" : "OPEN")).statusCode());
        }
        assertThat(read).containsEntry(Role.REQUESTER, 200).containsEntry(Role.REVIEWER, 200)
                .containsEntry(Role.POLICY_OFFICER, 200).containsEntry(Role.ADMIN, 200)
                .containsEntry(Role.ADMINISTRATIVE_STAFF, 404).containsEntry(Role.INTAKE_CLIENT, 404)
                .containsEntry(Role.MONITORING, 403);
        for (Role role : Role.values()) {
            int expected = role == Role.REVIEWER ? 302 : 403;
            assertThat(comment.get(role)).as("comment as %s", role).isEqualTo(expected);
            assertThat(decide.get(role)).as("decision as %s", role).isEqualTo(role == Role.REVIEWER ? 400 : 403);
            assertThat(reassess.get(role)).as("reassess as %s", role).isEqualTo(expected == 302 ? 302 : 403);
        }
        assertThat(item).containsEntry(Role.REQUESTER, 302).containsEntry(Role.REVIEWER, 302)
                .containsEntry(Role.ADMINISTRATIVE_STAFF, 404).containsEntry(Role.INTAKE_CLIENT, 404)
                .containsEntry(Role.POLICY_OFFICER, 403).containsEntry(Role.ADMIN, 403).containsEntry(Role.MONITORING, 403);
        var after = cases.get(number);
        assertThat(CaseApi.state(after, "SUBMIT_ACQUISITION_FORM")).as("the reviewer reopened it").isEqualTo("OPEN");
        assertThat(after.get("outcome").isNull()).isTrue();
        Api.Response history = cases.reviewer().get("/api/v1/cases/" + number + "/history");
        assertThat(CaseApi.events(history)).containsExactly("OPENED", "ITEM_DONE", "COMMENTED", "REASSESSED",
                "ITEM_OPEN");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndChangesNothing() {
        CaseApi cases = new CaseApi(api);
        String number = cases.open(CaseApi.request(CaseApi.unique("Page token")));
        PageSession reviewer = signedIn(api, Role.REVIEWER);
        HttpResponse<String> refused = reviewer.post("/cases/" + number + "/comments",
                Map.of("text", "No token", "version", "1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(cases.get(number).get("version").asLong()).isEqualTo(1);
    }
}
