package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under the running service: killed (kill -9 of the embedded PostgreSQL) and stalled (every
 * process of it SIGSTOPped). Meanwhile every request is answered within a few seconds with 503 problem details and
 * {@code Retry-After}, a valid password or API key included (never a 401), readiness is DOWN and liveness UP; the
 * killed server is started again by the service, the stalled one carries on when it is continued, and the service
 * recovers by itself. Nothing refused is stored, and an assessment sent again with its Idempotency-Key is stored
 * once. Each test leaves the shared database running.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

    /** connection-timeout (3 s) or, for a stalled server, socketTimeout (15 s), with room for a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(25);

    @Autowired
    Api api;

    @Autowired
    EmbeddedServer server;

    @Autowired
    JdbcClient jdbc;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aKilledDatabaseIsStartedAgainAndMeanwhileEveryRequestIsAnswered503(CapturedOutput output) throws Exception {
        String apiKey = apiKey();
        String before = stored("before-kill-" + suffix);
        ProcessHandle killed = server.postmaster();

        try (AutoCloseable held = server.holdRestarts()) {
            killed.destroyForcibly(); // SIGKILL
            assertThat(killed.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            duringTheOutage(apiKey, "during-kill-" + suffix);
        }

        awaitReady();
        assertThat(server.postmaster().pid()).as("started again").isNotEqualTo(killed.pid());
        afterTheOutage(before, "before-kill-" + suffix, "during-kill-" + suffix);
        String password = Files.readString(Path.of("target/test-postgres", EmbeddedServer.PASSWORD_FILE)).strip();
        assertThat(output.getAll()).contains("had stopped; started it again").doesNotContain(password);
    }

    @Test
    void aStalledDatabaseBoundsEveryWaitAndCarriesOnWhenContinued() throws Exception {
        String apiKey = apiKey();
        String before = stored("before-stall-" + suffix);
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(server.postmaster());
        server.postmaster().descendants().forEach(processes::add);

        signal("-STOP", processes);
        try {
            duringTheOutage(apiKey, "during-stall-" + suffix);
        } finally {
            signal("-CONT", processes);
        }

        awaitReady();
        assertThat(server.postmaster().pid()).as("the same server").isEqualTo(processes.get(0).pid());
        afterTheOutage(before, "before-stall-" + suffix, "during-stall-" + suffix);
    }

    private void duringTheOutage(String apiKey, String idempotencyKey) {
        Api intake = api.anonymous();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + apiKey);
        unavailable("a read with a valid password", () -> api.get("/api/v1/assessments"));
        unavailable("an assessment", () -> api.post("/api/v1/assessments", Examples.request(),
                Map.of("Idempotency-Key", idempotencyKey)));
        unavailable("a valid API key", () -> intake.send("/api/v1/assessments", "POST", "application/json",
                Api.bytes(Examples.request()), bearer));
        unavailable("readiness", () -> intake.get("/actuator/health/readiness"));
        Api.Response liveness = within(() -> intake.get("/actuator/health/liveness"));
        assertThat(liveness.status()).as("liveness").isEqualTo(200);
    }

    private void unavailable(String what, Supplier<Api.Response> request) {
        Api.Response response = within(request);
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(503);
        if (!what.equals("readiness")) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).as(what).endsWith("/unavailable");
            assertThat(response.header("Retry-After")).as(what).isEqualTo(DatabaseUnavailable.RETRY_AFTER);
            assertThat(response.text()).as(what).doesNotContainIgnoringCase("exception").doesNotContain("SQL");
        }
    }

    private static Api.Response within(Supplier<Api.Response> request) {
        long start = System.nanoTime();
        Api.Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within").isLessThan(BOUND);
        return response;
    }

    /** The assessment acknowledged before is there once; the one refused was not stored and is stored now, once. */
    private void afterTheOutage(String before, String beforeKey, String refusedKey) {
        Api.Response again = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", beforeKey));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(before);
        Api.Response refused = api.post("/api/v1/assessments", Examples.request(),
                Map.of("Idempotency-Key", refusedKey));
        assertThat(refused.status()).as(refused.text()).isIn(200, 201);
        for (String key : List.of(beforeKey, refusedKey)) {
            assertThat(jdbc.sql("select count(*) from assessments where idempotency_key = ?").param(key)
                    .query(Long.class).single()).as(key).isEqualTo(1);
        }
        assertThat(api.get("/api/v1/assessments/" + before).status()).isEqualTo(200);
    }

    private String stored(String idempotencyKey) {
        Api.Response stored = api.post("/api/v1/assessments", Examples.request(),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(stored.status()).isEqualTo(201);
        return stored.json().get("id").asString();
    }

    private String apiKey() {
        Api.Response created = api.post("/api/v1/api-keys", Map.of("name", "Outage " + suffix,
                "roles", List.of("INTAKE_CLIENT")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private void awaitReady() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (api.anonymous().get("/actuator/health/readiness").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The service did not become ready again");
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
