package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentView;
import dk.kk.itassessment.assessment.Examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.DatabaseOwner;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.policy.Evaluation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Answers stored in parts (migration V24): the checklist and the explanation once each, the rest with each row. */
@IntegrationTest
class AnswerPartsTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnswerParts parts;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void emptyPartsAndARequestNamingTheFieldsSplitAndJoinAsOneSerialisation() {
        tools.jackson.databind.node.ObjectNode request = json.createObjectNode();
        request.putArray("checklist");
        request.putArray("explanation");
        request.put("note", "\"checklist\":[] and \"explanation\":[] ÆØÅ “quoted”");
        Evaluation.Text text = new Evaluation.Text("Særlig “tekst”", "Special \"text\"");
        for (boolean empty : new boolean[] {true, false}) {
            AssessmentView view = new AssessmentView(UUID.randomUUID(), "BUF-2026-00001", java.time.Instant.now(), "FULL_ACQUISITION",
                    true, "STANDARD", "MEDIUM", false, 20,
                    List.of(new Evaluation.Warning("W", text, "Warnings_1")),
                    empty ? List.of() : List.of(new Evaluation.Item("C", text, "REQUESTER", "BEFORE_PURCHASE", true, "r")),
                    List.of(), new AssessmentView.LookupSummary("NONE", "NONE", false),
                    empty ? List.of() : List.of(new Evaluation.Explanation("rule", "rules/x.drl, line 1", text)),
                    new AssessmentView.RuleSetRef("1", "sha256:" + "0".repeat(64)), request);

            AnswerParts.Split split = parts.split(view);

            assertThat(new String(split.answer(), StandardCharsets.UTF_8)).as("empty: " + empty)
                    .isEqualTo(json.writeValueAsString(view));
            assertThat(jdbc.sql("select assessment_answer(:rest, :checklist, :explanation)")
                    .param("rest", new String(split.rest(), StandardCharsets.UTF_8))
                    .param("checklist", new String(split.checklist().body(), StandardCharsets.UTF_8))
                    .param("explanation", new String(split.explanation().body(), StandardCharsets.UTF_8))
                    .query(String.class).single()).as("put together by the database").isEqualTo(json.writeValueAsString(view));
        }
    }

    @Test
    void theSameChecklistAndExplanationAreStoredOnceAndEachAnswerReadsBackWhole() {
        JsonNode request = Examples.load("01-free-app-no-personal-data").get("request");
        Api.Response first = api.post("/api/v1/assessments", request);
        long parts = jdbc.sql("select count(*) from answer_parts").query(Long.class).single();
        Api.Response second = api.post("/api/v1/assessments", request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from answer_parts").query(Long.class).single())
                .as("the second answer's parts are the first's").isEqualTo(parts);
        for (Api.Response posted : new Api.Response[] {first, second}) {
            UUID id = UUID.fromString(posted.json().get("id").asString());
            String rest = jdbc.sql("select answer from assessments where id = :id").param("id", id)
                    .query(String.class).single();
            assertThat(rest).contains("\"checklist\":[]", "\"explanation\":[]").hasSizeLessThan(4_000);
            assertThat(posted.json().get("checklist").size()).isPositive();
            assertThat(posted.json().get("explanation").size()).isPositive();
            assertThat(api.get("/api/v1/assessments/" + id).text()).isEqualTo(posted.text());
            assertThat(jdbc.sql("select answer from assessment_answers where id = :id").param("id", id)
                    .query(String.class).single()).isEqualTo(posted.text());
        }
        assertThat(api.get("/api/v1/assessments?size=100").json().get("items").values())
                .as("listed whole").anySatisfy(item -> assertThat(item).isEqualTo(first.json()));
    }

    /** What the trigger refuses even the owner (the service's role may not try: LeastPrivilegeTests). */
    @Test
    void aPartIsItsTextsHashAndIsNeverChangedNorRemoved(@Autowired DatabaseOwner owner) {
        JdbcClient jdbc = owner.jdbc();
        api.post("/api/v1/assessments", Examples.load("01-free-app-no-personal-data").get("request"));
        String sha = jdbc.sql("select sha256 from answer_parts limit 1").query(String.class).single();

        assertThatThrownBy(() -> jdbc.sql("insert into answer_parts values (:sha, '[1]')")
                .param("sha", "0".repeat(64)).update()).as("not the text's hash").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update answer_parts set body = body where sha256 = :sha").param("sha", sha)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from answer_parts where sha256 = :sha").param("sha", sha).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate answer_parts cascade").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anAnswerStoredWholeBeforeV24ReadsBackAsIs() {
        Api.Response posted = api.post("/api/v1/assessments", Examples.load("01-free-app-no-personal-data").get("request"));
        UUID id = UUID.fromString(posted.json().get("id").asString());
        UUID older = UUID.randomUUID();
        String whole = posted.text().replace(id.toString(), older.toString());
        jdbc.sql("insert into assessments (id, assessed_at, route, institution_key, requester_email, request, lookups, "
                        + "answer, ruleset_version, ruleset_fingerprint, decision) select :older, assessed_at, route, "
                        + "institution_key, requester_email, request, lookups, :whole, ruleset_version, ruleset_fingerprint, "
                        + "decision from assessments where id = :id")
                .param("older", older).param("whole", whole).param("id", id).update();

        assertThat(api.get("/api/v1/assessments/" + older).text()).isEqualTo(whole);
    }
}
