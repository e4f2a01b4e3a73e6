package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reading versions: the list, one version, a table as stored or converted, the bundle; and what is refused. */
@IntegrationTest
class RuleSetReadingTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstVersionIsTheDeployedFilesAndItsBundleIsThoseFiles() throws IOException {
        Api reviewer = api.as(Role.REVIEWER);
        JsonNode first = reviewer.get("/api/v1/rulesets/1").json();
        assertThat(first.get("createdBy").asString()).isEqualTo("deployment");
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("tables")).extracting(JsonNode::asString)
                .containsExactly("checklist", "data-protection", "routes", "warnings");
        assertThat(first.get("report").get("scenarios").get("failed").asInt()).isZero();
        assertThat(first.get("report").get("scenarios").get("passed").asInt()).isPositive();
        assertThat(first.get("report").get("coverage").get("uncoveredRows")).isEmpty();

        Api.Response bundle = reviewer.get("/api/v1/rulesets/1/bundle");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).isEqualTo("application/zip");
        assertThat(bundle.header("Content-Disposition")).contains("ruleset-1.zip");
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.raw().body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        RuleFiles deployed = RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));
        assertThat(files.keySet()).isEqualTo(deployed.files().keySet());
        assertThat(new RuleFiles(files).fingerprint()).isEqualTo(deployed.fingerprint()).isEqualTo(first.get("fingerprint").asString());
        assertThat(files.get("decision-tables/routes.drl.xlsx")).isEqualTo(Files.readAllBytes(Path.of("decision-tables/routes.drl.xlsx")));
        assertThat(jdbc.sql("select count(*) from audit_entries where action = 'ruleset.imported.active' and target = 'ruleset/1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTableIsAnsweredAsStoredOrAsCsv() {
        Api reviewer = api.as(Role.REVIEWER);
        Api.Response xlsx = reviewer.get("/api/v1/rulesets/1/tables/routes");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("routes.drl.xlsx");

        Api.Response csv = reviewer.get("/api/v1/rulesets/1/tables/routes?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains("RuleTable Routes").contains("FAST_TRACK_ACQUISITION");

        Api.Response twoSheets = reviewer.get("/api/v1/rulesets/1/tables/data-protection?format=csv");
        assertThat(twoSheets.status()).isEqualTo(400);
        assertThat(twoSheets.text()).contains("RiskTier");
        assertThat(reviewer.get("/api/v1/rulesets/1/tables/data-protection?format=csv&sheet=RiskTier").text())
                .contains("RuleTable RiskTier");

        assertThat(reviewer.get("/api/v1/rulesets/1/tables/routes?format=pdf").status()).isEqualTo(400);
        assertThat(reviewer.get("/api/v1/rulesets/1/tables/nothing").status()).isEqualTo(404);
        assertThat(reviewer.get("/api/v1/rulesets/999999").status()).isEqualTo(404);
        assertThat(reviewer.get("/api/v1/rulesets/abc").status()).isEqualTo(404);
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        JsonNode page = api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets?size=100").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        long previous = Long.MAX_VALUE;
        for (JsonNode version : page.get("items")) {
            long id = Long.parseLong(version.get("id").asString());
            assertThat(id).isLessThan(previous);
            previous = id;
        }
        assertThat(api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets?size=0").status()).isEqualTo(400);
        assertThat(api.as(Role.POLICY_OFFICER).get("/api/v1/rulesets/active").json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aReplayOfAnUnknownAssessmentIs404AndAnUnknownModeIs400() {
        Api reviewer = api.as(Role.REVIEWER);
        assertThat(reviewer.post("/api/v1/assessments/00000000-0000-4000-8000-000000000000/replay", "").status()).isEqualTo(404);
        String id = api.as(Role.REQUESTER).post("/api/v1/assessments",
                dk.kk.itassessment.assessment.Examples.request()).json().get("id").asString();
        assertThat(reviewer.post("/api/v1/assessments/" + id + "/replay?against=tomorrow", "").status()).isEqualTo(400);
        JsonNode replay = reviewer.post("/api/v1/assessments/" + id + "/replay", "").json();
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("against").asString()).isEqualTo("recorded");
    }

    @Test
    void versionsAndTheirFilesCannotBeChangedOrDeletedInTheDatabase() {
        for (String statement : new String[] {
                "update rule_set_files set content = 'x' where version_id = 1",
                "delete from rule_set_files where version_id = 1",
                "delete from rule_set_versions where id = 1",
                "update rule_set_versions set fingerprint = 'sha256:0' where id = 1",
                "update rule_set_versions set report = '{}' where id = 1",
                "update rule_set_versions set status = 'DRAFT' where id = 1",
                "update rule_set_versions set activated_by = 'someone' where id = 1"}) {
            try {
                jdbc.sql(statement).update();
                throw new AssertionError("the database allowed: " + statement);
            } catch (org.springframework.dao.DataAccessException refused) {
                assertThat(refused.getMostSpecificCause().getMessage()).containsAnyOf("never", "immutable", "only");
            }
        }
        assertThat(new String(jdbc.sql("select content from rule_set_files where version_id = 1 and path = 'decision-tables/routes.drl.xlsx'")
                .query(byte[].class).single(), StandardCharsets.ISO_8859_1)).startsWith("PK");
    }
}
