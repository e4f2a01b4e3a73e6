package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every transition of a case through the API, and every refusal: 400, 403, 404, 409, 412, 428. */
@IntegrationTest
class CaseApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    CaseApi cases() {
        return new CaseApi(api);
    }

    @Test
    void aStoredAssessmentOpensItsCaseWithTheChecklistAsOpenItems() {
        JsonNode assessment = CaseApi.assess(api.as(Role.REQUESTER), CaseApi.request(CaseApi.unique("Opening")));
        String number = assessment.get("caseNumber").asString();
        assertThat(number).matches("BUF-\\d{4}-\\d{5}");

        Api.Response read = api.as(Role.REVIEWER).get("/api/v1/cases/" + number);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode c = read.json();
        assertThat(c.propertyNames()).startsWith("number", "assessmentId", "status", "phase", "route", "solution",
                "requester", "assignee", "openedAt", "dueDate", "overdue", "items", "outcome", "policyChanged", "version");
        assertThat(c.get("assessmentId").asString()).isEqualTo(assessment.get("id").asString());
        assertThat(c.get("status").asString()).isEqualTo("OPEN");
        assertThat(c.get("route").asString()).isEqualTo("FULL_ACQUISITION");
        assertThat(c.get("phase").asString()).isEqualTo("BEFORE_PURCHASE");
        assertThat(c.get("openedAt").asString()).isEqualTo(assessment.get("assessedAt").asString());
        assertThat(c.get("dueDate").asString()).isEqualTo(java.time.Instant.parse(assessment.get("assessedAt").asString())
                .atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().plusDays(60).toString());
        assertThat(c.get("overdue").asBoolean()).isFalse();
        assertThat(c.get("outcome").isNull()).isTrue();
        assertThat(c.get("requester").get("institution").asString()).isEqualTo("Valby Skole");
        List<String> checklist = assessment.get("checklist").valueStream().map(i -> i.get("code").asString()).toList();
        assertThat(CaseApi.codes(c, false)).containsExactlyElementsOf(checklist);
        JsonNode first = c.get("items").get(0);
        assertThat(first.get("state").asString()).isEqualTo("OPEN");
        assertThat(first.get("rule").asString()).isEqualTo(assessment.get("checklist").get(0).get("rule").asString());
        assertThat(first.get("title").get("da").asString()).isNotBlank();

        Api.Response byAssessment = api.as(Role.REVIEWER).get("/api/v1/cases?assessment=" + assessment.get("id").asString());
        assertThat(byAssessment.json().get("total").asLong()).isEqualTo(1);
        assertThat(byAssessment.json().get("items").get(0).get("number").asString()).isEqualTo(number);
        assertThat(CaseApi.events(api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/history"))).containsExactly("OPENED");
    }

    @Test
    void aPreviewOpensNoCase() {
        String solution = CaseApi.unique("Preview only");
        assertThat(api.as(Role.REQUESTER).post("/api/v1/assessments/preview", CaseApi.request(solution)).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from cases where solution_name = ?").param(solution).query(Long.class).single()).isZero();
    }

    @Test
    void anItemIsTickedWithTheVersionItWasReadAt() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Ticking")));

        Api.Response missing = CaseApi.item(cases.requester(), number, "SUBMIT_ACQUISITION_FORM", "DONE", null, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Api.Response ticked = CaseApi.item(cases.requester(), number, "SUBMIT_ACQUISITION_FORM", "DONE", "Sent", "\"1\"");
        assertThat(ticked.status()).as(ticked.text()).isEqualTo(200);
        assertThat(ticked.header("ETag")).isEqualTo("\"2\"");
        JsonNode item = CaseApi.item(ticked.json(), "SUBMIT_ACQUISITION_FORM");
        assertThat(item.get("state").asString()).isEqualTo("DONE");
        assertThat(item.get("note").asString()).isEqualTo("Sent");
        assertThat(item.get("updatedBy").asString()).isEqualTo("test-requester");
        assertThat(item.get("updatedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select state from case_items where case_number = ? order by position").param(number)
                .query(String.class).list())
                .as("the first change stores every item, the others as they opened")
                .hasSize(ticked.json().get("items").size()).containsOnlyOnce("DONE").contains("OPEN");
        assertThat(jdbc.sql("select string_agg(code, ',' order by position) from case_items where case_number = ?")
                .param(number).query(String.class).single()).as("in the order of the checklist it opened with")
                .isEqualTo(jdbc.sql("select string_agg(i ->> 'code', ',' order by n) from cases c"
                        + " join case_checklists k on k.sha256 = c.opened_checklist,"
                        + " jsonb_array_elements(k.items) with ordinality as t (i, n) where c.number = ?")
                        .param(number).query(String.class).single());

        Api.Response stale = CaseApi.item(cases.requester(), number, "DESCRIBE_NEED_AND_GAINS", "DONE", null, "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(CaseApi.state(cases.get(number), "DESCRIBE_NEED_AND_GAINS")).as("a stale change changes nothing").isEqualTo("OPEN");
        assertThat(cases.get(number).get("version").asLong()).isEqualTo(2);
        assertThat(CaseApi.item(cases.requester(), number, "DESCRIBE_NEED_AND_GAINS", "DONE", null, "W/\"2\"").status()).isEqualTo(200);

        Api.Response history = api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/history");
        assertThat(CaseApi.events(history)).containsExactly("OPENED", "ITEM_DONE", "ITEM_DONE");
        assertThat(history.json().get(1).get("actor").asString()).isEqualTo("test-requester");
        assertThat(history.json().get(1).get("details").get("item").asString()).isEqualTo("SUBMIT_ACQUISITION_FORM");
        assertThat(jdbc.sql("select count(*) from audit_entries where target = ? and action = 'case.item-done'")
                .param("case/" + number).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusalsOfAnItemChangeNameWhatIsWrongAndChangeNothing() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Refusals")));

        Api.Response forbidden = cases.item(cases.requester(), number, "SECURITY_ASSESSMENT", "DONE", null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).contains("GROUP_IT");
        Api.Response noNote = cases.item(cases.reviewer(), number, "REGISTER_IN_FISKK", "NOT_APPLICABLE", null);
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        Api.Response badState = cases.item(cases.reviewer(), number, "REGISTER_IN_FISKK", "FINISHED", null);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("errors").get(0).get("message").asString()).contains("OPEN, DONE, NOT_APPLICABLE, RETURNED");
        Api.Response unknownProperty = cases.reviewer().send("/api/v1/cases/" + number + "/items/REGISTER_IN_FISKK", "PUT",
                "application/json", Api.bytes(Map.of("state", "DONE", "by", "me")), Map.of("If-Match", "\"1\""));
        assertThat(unknownProperty.status()).isEqualTo(400);
        assertThat(cases.item(cases.reviewer(), number, "NO_SUCH_ITEM", "DONE", null).status()).isEqualTo(404);
        assertThat(cases.reviewer().get("/api/v1/cases/BUF-2000-00001").status()).isEqualTo(404);
        assertThat(cases.reviewer().get("/api/v1/cases/not-a-number").status()).isEqualTo(404);
        Api stranger = cases.account("case-stranger", "case-stranger@example.dk", Role.REQUESTER);
        assertThat(stranger.get("/api/v1/cases/" + number).status()).as("not told it exists").isEqualTo(404);
        assertThat(CaseApi.item(stranger, number, "SUBMIT_ACQUISITION_FORM", "DONE", null, "\"1\"").status()).isEqualTo(404);
        assertThat(api.as(Role.POLICY_OFFICER).put("/api/v1/cases/" + number + "/items/SUBMIT_ACQUISITION_FORM",
                Map.of("state", "DONE")).status()).isEqualTo(403);

        JsonNode after = cases.get(number);
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(CaseApi.codes(after, false)).allMatch(code -> CaseApi.state(after, code).equals("OPEN"));
    }

    @Test
    void administrativeStaffWorkTheirItemsOfTheCasesTheyRead() {
        CaseApi cases = cases();
        JsonNode request = CaseApi.request(CaseApi.unique("Staff"));
        String number = CaseApi.assess(api.as(Role.ADMINISTRATIVE_STAFF), request).get("caseNumber").asString();
        Api staff = api.as(Role.ADMINISTRATIVE_STAFF);
        assertThat(cases.item(staff, number, "SUBSCRIBE_TO_UPDATES", "DONE", null).status()).isEqualTo(200);
        assertThat(cases.item(staff, number, "SUBMIT_ACQUISITION_FORM", "DONE", null).status())
                .as("the submitter is the requester").isEqualTo(200);
        assertThat(cases.item(staff, number, "REGISTER_IN_FISKK", "DONE", null).status()).isEqualTo(403);
    }

    @Test
    void aReturnedItemWaitsForTheRequestersAnswer() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Returned")));
        assertThat(cases.item(cases.requester(), number, "SUBMIT_ACQUISITION_FORM", "RETURNED", "?").status()).isEqualTo(403);
        assertThat(cases.item(cases.reviewer(), number, "SUBMIT_ACQUISITION_FORM", "RETURNED", null).status()).isEqualTo(400);
        Api.Response returned = cases.item(cases.reviewer(), number, "SUBMIT_ACQUISITION_FORM", "RETURNED",
                "The form lacks the price");
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(cases.reviewer().get("/api/v1/cases?status=RETURNED&size=100").json().get("items").valueStream()
                .map(c -> c.get("number").asString())).contains(number);

        Api.Response answered = cases.item(cases.requester(), number, "SUBMIT_ACQUISITION_FORM", "DONE", "Price: 0 kr.");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(CaseApi.events(api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/history")))
                .containsExactly("OPENED", "ITEM_RETURNED", "STATUS_CHANGED", "ITEM_DONE", "STATUS_CHANGED");
    }

    @Test
    void grantedNeedsTheMandatoryItemsAndThenNothingChanges() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Grant")));
        cases.done(number, "CONTACT_DIGITALISATION_OFFICE");

        Api.Response early = cases.decide(number, "GRANTED", null, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("SUBMIT_ACQUISITION_FORM", "OBTAIN_PERMISSION_TO_USE")
                .doesNotContain("CONTACT_DIGITALISATION_OFFICE").doesNotContain("SUBSCRIBE_TO_UPDATES");
        Api.Response noVersion = cases.reviewer().post("/api/v1/cases/" + number + "/decision",
                Map.of("decision", "GRANTED"));
        assertThat(noVersion.status()).isEqualTo(428);
        Api.Response badBody = cases.reviewer().post("/api/v1/cases/" + number + "/decision",
                Map.of("decision", "MAYBE", "permissionValidUntil", "31-12-2027"), Map.of("If-Match", "\"2\""));
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("decision", "permissionValidUntil");
        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/decision", Map.of("decision", "REFUSED"),
                Map.of("If-Match", "\"2\"")).status()).as("a refusal says why").isEqualTo(400);

        cases.settleAll(number);
        Api.Response granted = cases.decide(number, "GRANTED", "2028-07-31", "Tilladelse givet");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        JsonNode outcome = granted.json().get("outcome");
        assertThat(granted.json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(outcome.get("decision").asString()).isEqualTo("GRANTED");
        assertThat(outcome.get("permissionValidUntil").asString()).isEqualTo("2028-07-31");
        assertThat(outcome.get("decidedBy").asString()).isEqualTo("test-reviewer");
        assertThat(granted.json().get("phase").isNull()).isTrue();

        assertThat(cases.item(cases.reviewer(), number, "SUBSCRIBE_TO_UPDATES", "DONE", null).status()).isEqualTo(409);
        assertThat(cases.decide(number, "REFUSED", null, "No").status()).isEqualTo(409);
        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/withdraw", "").status()).isEqualTo(409);
        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/reassess", "").status()).isEqualTo(409);
    }

    @Test
    void theDatabaseRefusesToChangeAnItemOfADecidedCase() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Guarded")));
        cases.settleAll(number);
        assertThat(cases.decide(number, "REFUSED", null, "Not needed").status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update case_items set state = 'OPEN' where case_number = ?").param(number).update())
                .hasMessageContaining("its items do not change");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "insert into case_items (case_number, code, position, title_da, title_en, responsible, phase, mandatory,"
                        + " rule, state) values (?, 'ADDED_LATER', 99, 'x', 'x', 'REQUESTER', 'ASSESSMENT', false, 'r',"
                        + " 'OPEN')").param(number).update())
                .as("no item is added to an ended case").hasMessageContaining("its items do not change");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "insert into case_items (case_number, code, position, title_da, title_en, responsible, phase, mandatory,"
                        + " rule, state) values ('BUF-1999-00001', 'NO_CASE', 1, 'x', 'x', 'REQUESTER', 'ASSESSMENT',"
                        + " false, 'r', 'OPEN')").update())
                .as("nor one to a case that does not exist").hasMessageContaining("does not exist");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update cases set status = 'OPEN', ended_at = null, decision = null, decided_at = null, decided_by = null,"
                        + " version = version + 1 where number = ?").param(number).update())
                .hasMessageContaining("does not change again");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "delete from case_events where case_number = ?").param(number).update())
                .hasMessageContaining("never changed");
    }

    @Test
    void aRouteThatGrantsNothingClosesWhenItsItemsAreDone() {
        CaseApi cases = cases();
        JsonNode request = Examples.load("09-plain-hardware").get("request");
        JsonNode assessment = CaseApi.assess(cases.requester(), request);
        assertThat(assessment.get("route").asString()).isEqualTo("NOT_AN_IT_ACQUISITION");
        String number = assessment.get("caseNumber").asString();
        Api.Response decision = cases.decide(number, "GRANTED", null, null);
        assertThat(decision.status()).isEqualTo(409);
        assertThat(decision.json().get("detail").asString()).contains("grants nothing");
        JsonNode c = cases.get(number);
        for (String code : CaseApi.codes(c, true)) {
            c = cases.item(cases.requester(), number, code, "DONE", null).json();
        }
        assertThat(c.get("status").asString()).isEqualTo("CLOSED");
        assertThat(c.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void theRequesterWithdrawsTheirCase() {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Withdrawn")));
        Api stranger = cases.account("case-stranger", "case-stranger@example.dk", Role.REQUESTER);
        assertThat(stranger.post("/api/v1/cases/" + number + "/withdraw", Map.of("note", "mine")).status()).isEqualTo(404);
        assertThat(cases.requester().post("/api/v1/cases/" + number + "/withdraw", Map.of("note", "x"),
                Map.of("If-Match", "\"7\"")).status()).as("a version, when sent, must be current").isEqualTo(412);
        Api.Response withdrawn = cases.requester().post("/api/v1/cases/" + number + "/withdraw",
                Map.of("note", "Vi køber ikke alligevel"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(CaseApi.events(cases.requester().get("/api/v1/cases/" + number + "/history"))).containsExactly("OPENED", "WITHDRAWN");
    }

    @Test
    void twoReviewersTickingDifferentItemsAtOnceOneWinsTheOtherIsToldAndNothingIsLost() throws Exception {
        CaseApi cases = cases();
        String number = cases.open(CaseApi.request(CaseApi.unique("Concurrent")));
        Api second = cases.account("second-reviewer", "second-reviewer@test.example.dk", Role.REVIEWER);
        List<String> codes = List.of("REGISTER_IN_FISKK", "CONSOLIDATION_ASSESSMENT");
        List<Api> reviewers = List.of(cases.reviewer(), second);

        List<Api.Response> answers = Api.concurrently(2, client ->
                CaseApi.item(reviewers.get(client), number, codes.get(client), "DONE", null, "\"1\""));

        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 412);
        int winner = answers.get(0).status() == 200 ? 0 : 1;
        int loser = 1 - winner;
        JsonNode after = cases.get(number);
        assertThat(after.get("version").asLong()).isEqualTo(2);
        assertThat(CaseApi.state(after, codes.get(winner))).isEqualTo("DONE");
        assertThat(CaseApi.state(after, codes.get(loser))).isEqualTo("OPEN");
        assertThat(answers.get(loser).json().get("detail").asString()).contains("version 2");

        Api.Response retried = CaseApi.item(reviewers.get(loser), number, codes.get(loser), "DONE", null, "\"2\"");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(CaseApi.state(retried.json(), codes.get(winner))).as("nothing lost").isEqualTo("DONE");
        assertThat(CaseApi.state(retried.json(), codes.get(loser))).isEqualTo("DONE");
    }

    @Test
    void reviewersAssignAndTheQueueFiltersAndOrders() {
        CaseApi cases = cases();
        String institution = CaseApi.unique("Queue Skole");
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tools.jackson.databind.node.ObjectNode request = CaseApi.request(CaseApi.unique("Queue"));
            ((tools.jackson.databind.node.ObjectNode) request.get("requester")).put("institution", institution);
            numbers.add(cases.open(request));
        }
        Api.Response assigned = cases.reviewer().put("/api/v1/cases/" + numbers.get(1) + "/assignee",
                Map.of("username", "second-reviewer"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asString()).isEqualTo("second-reviewer");
        assertThat(cases.reviewer().put("/api/v1/cases/" + numbers.get(1) + "/assignee", Map.of("username", "Ø")).status())
                .isEqualTo(400);
        assertThat(cases.requester().put("/api/v1/cases/" + numbers.get(1) + "/assignee", Map.of("username", "x")).status())
                .isEqualTo(403);
        cases.settleAll(numbers.get(2));
        assertThat(cases.decide(numbers.get(2), "REFUSED", null, "Nej").status()).isEqualTo(200);

        JsonNode queue = cases.reviewer().get("/api/v1/cases?institution=" + java.net.URLEncoder.encode(
                institution.toUpperCase(java.util.Locale.ROOT), java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(queue.get("total").asLong()).isEqualTo(3);
        assertThat(queue.get("items").valueStream().map(c -> c.get("number").asString()))
                .as("open ones by due date, then the rest").containsExactly(numbers.get(0), numbers.get(1), numbers.get(2));
        assertThat(queue.get("items").get(0).has("comments")).as("a list carries no comments").isFalse();
        JsonNode mine = cases.reviewer().get("/api/v1/cases?assignee=second-reviewer&size=100").json();
        assertThat(mine.get("items").valueStream().map(c -> c.get("number").asString())).contains(numbers.get(1))
                .doesNotContain(numbers.get(0));
        String byInstitution = "/api/v1/cases?institution=" + java.net.URLEncoder.encode(institution,
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cases.reviewer().get(byInstitution + "&status=REFUSED").json().get("total").asLong()).isEqualTo(1);
        assertThat(cases.reviewer().get(byInstitution + "&phase=BEFORE_PURCHASE").json().get("total").asLong()).isEqualTo(2);
        assertThat(cases.reviewer().get(byInstitution + "&responsible=GROUP_IT").json().get("total").asLong()).isEqualTo(2);
        assertThat(cases.reviewer().get(byInstitution + "&overdue=false").json().get("total").asLong()).isEqualTo(3);
        assertThat(cases.reviewer().get(byInstitution + "&overdue=true").json().get("total").asLong()).isZero();
        assertThat(cases.reviewer().get(byInstitution + "&size=2&page=1").json().get("items").get(0).get("number").asString())
                .isEqualTo(numbers.get(2));

        Api.Response bad = cases.reviewer().get("/api/v1/cases?status=DONE&phase=X&overdue=maybe&size=500&assessment=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("status", "phase", "overdue", "size", "assessment");

        JsonNode statistics = cases.reviewer().get("/api/v1/cases/statistics").json();
        assertThat(statistics.get("byStatus").get("REFUSED").asLong()).isPositive();
        assertThat(statistics.get("byRoute").get("FULL_ACQUISITION").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(statistics.get("medianDaysToDecision").get("FULL_ACQUISITION").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(statistics.has("overdue")).isTrue();
    }

    @Test
    void aRequesterSeesOnlyTheirOwnCases() {
        CaseApi cases = cases();
        Api own = cases.account("case-lister", "case-lister@example.dk", Role.REQUESTER);
        String mine = CaseApi.assess(own, CaseApi.request(CaseApi.unique("Mine"))).get("caseNumber").asString();
        String theirs = cases.open(CaseApi.request(CaseApi.unique("Theirs")));
        JsonNode list = own.get("/api/v1/cases?size=100").json();
        assertThat(list.get("items").valueStream().map(c -> c.get("number").asString())).contains(mine).doesNotContain(theirs);
        assertThat(own.get("/api/v1/cases/" + theirs + "/history").status()).isEqualTo(404);
        assertThat(own.get("/api/v1/cases/" + theirs + "/case-file.pdf").status()).isEqualTo(404);
    }
}
