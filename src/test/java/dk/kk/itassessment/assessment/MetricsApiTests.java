package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/prometheus}: for ADMIN and MONITORING only; an assessment stored moves its counter (route and version), the
 * evaluation histogram and the row hits of the tables that decided it; the writer's queue, the sealer's lag and the
 * connection pool are there; the liveness and readiness groups are open like the health.
 */
@IntegrationTest
class MetricsApiTests {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired
    Api api;

    @Test
    void theMetricsAreForAdminsAndMonitoringOnly() {
        assertThat(api.anonymous().get(PROMETHEUS).status()).isEqualTo(401);
        for (Role role : Role.values()) {
            if (role != Role.ADMIN && role != Role.MONITORING) {
                Api.Response refused = api.as(role).get(PROMETHEUS);
                assertThat(refused.status()).as(role.name()).isEqualTo(403);
                assertThat(refused.text()).doesNotContain("assessments_stored_total");
            }
        }
        assertThat(api.as(Role.ADMIN).get(PROMETHEUS).status()).isEqualTo(200);
        assertThat(api.as(Role.MONITORING).get(PROMETHEUS).status()).isEqualTo(200);
    }

    /** A monitoring system's API key scrapes the metrics, and reads nothing else: not the rest of actuator, no data. */
    @Test
    void aMonitoringKeyReadsTheMetricsAndNothingElse() {
        Api.Response created = api.as(Role.ADMIN).post("/api/v1/api-keys",
                Map.of("name", "prometheus-" + UUID.randomUUID(), "roles", List.of("MONITORING")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Map<String, String> key = Map.of("Authorization", "Bearer " + created.json().get("key").asString());
        Api anonymous = api.anonymous();

        Api.Response metrics = anonymous.send(PROMETHEUS, "GET", null, new byte[0], key);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("assessment_writer_queue");
        for (String refused : new String[] {"/actuator", "/actuator/info", "/api/v1/assessments", "/api/v1/cases",
                "/api/v1/portfolio", "/api/v1/audit", "/api/v1/users", "/api/v1/rulesets"}) {
            assertThat(anonymous.send(refused, "GET", null, new byte[0], key).status()).as(refused).isEqualTo(403);
        }
        assertThat(anonymous.send("/api/v1/assessments", "POST", "application/json", Api.bytes(Examples.request()), key)
                .status()).isEqualTo(403);
    }

    @Test
    void aStoredAssessmentMovesItsCounterTheHistogramAndTheRowHits() {
        String before = scrape();

        JsonNode stored = api.post("/api/v1/assessments", Examples.request()).json();

        String after = scrape();
        String route = "route=\"" + stored.get("route").asString() + "\"";
        String version = "ruleset=\"" + stored.get("ruleset").get("version").asString() + "\"";
        assertThat(sum(after, "assessments_stored_total", route, version))
                .isEqualTo(sum(before, "assessments_stored_total", route, version) + 1);
        assertThat(sum(after, "policy_evaluation_seconds_count")).isGreaterThan(sum(before, "policy_evaluation_seconds_count"));
        assertThat(sum(after, "policy_evaluation_seconds_bucket")).isGreaterThan(sum(before, "policy_evaluation_seconds_bucket"));
        // one row of the route table chose the route; checklist rows added its items
        assertThat(sum(after, "policy_table_row_hits_total", "table=\"routes\""))
                .isEqualTo(sum(before, "policy_table_row_hits_total", "table=\"routes\"") + 1);
        assertThat(sum(after, "policy_table_row_hits_total", "table=\"checklist\""))
                .isGreaterThan(sum(before, "policy_table_row_hits_total", "table=\"checklist\""));
    }

    @Test
    void theWriterTheSealerAndThePoolAreThere() {
        String metrics = scrape();

        assertThat(metrics).containsPattern("(?m)^assessment_writer_queue(\\{[^}]*\\})? ")
                .containsPattern("(?m)^audit_sealer_lag_seconds(\\{[^}]*\\})? ")
                .containsPattern("(?m)^hikaricp_connections_active\\{")
                .containsPattern("(?m)^hikaricp_connections_pending\\{");
    }

    @Test
    void livenessAndReadinessAreOpen() {
        for (String group : new String[] {"liveness", "readiness"}) {
            Api.Response health = api.anonymous().get("/actuator/health/" + group);
            assertThat(health.status()).as(group).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
        }
    }

    private String scrape() {
        Api.Response metrics = api.as(Role.ADMIN).get(PROMETHEUS);
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.text();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    private static double sum(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
