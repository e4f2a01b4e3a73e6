package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
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

    @Test
    void aPartIsItsTextsHashAndIsNeverChangedNorRemoved() {
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
