package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class IdempotencyTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    long storedWith(String key) {
        return jdbc.sql("select count(*) from assessments where idempotency_key = :k").param("k", key)
                .query(Long.class).single();
    }

    @Test
    void aRepeatWithTheSameKeyAndBodyAnswersTheFirstAssessment() {
        String key = "retry-" + UUID.randomUUID();
        Api.Response first = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
        Api.Response repeat = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(storedWith(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs409AndStoresNothing() {
        String key = "other-" + UUID.randomUUID();
        api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
        ObjectNode other = (ObjectNode) Examples.request().deepCopy();
        other.put("users", 26);
        long before = jdbc.sql("select count(*) from assessments").query(Long.class).single();

        Api.Response conflict = api.post("/api/v1/assessments", other, Map.of("Idempotency-Key", key));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from assessments").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aKeyIsTheCallersOwnSoAnotherCallerTakingItFirstChangesNothing() {
        String key = "intake-form-" + UUID.randomUUID();
        ObjectNode squatted = (ObjectNode) Examples.request().deepCopy();
        squatted.put("users", 7);
        Api squatter = api.as(Role.REQUESTER);
        Api form = api.as(Role.INTAKE_CLIENT);

        Api.Response taken = squatter.post("/api/v1/assessments", squatted, Map.of("Idempotency-Key", key));
        Api.Response first = form.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
        Api.Response repeat = form.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
        Api.Response squattersRepeat = squatter.post("/api/v1/assessments", squatted, Map.of("Idempotency-Key", key));

        assertThat(taken.status()).isEqualTo(201);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(squattersRepeat.json().get("id")).isEqualTo(taken.json().get("id"));
        assertThat(first.json().get("id")).isNotEqualTo(taken.json().get("id"));
        assertThat(storedWith(key)).isEqualTo(2);
    }

    @Test
    void twoCallersUsingTheSameKeyAtOnceEachStoreTheirOwn() throws Exception {
        String key = "both-" + UUID.randomUUID();
        List<Api> callers = List.of(api.as(Role.REQUESTER), api.as(Role.INTAKE_CLIENT), api.as(Role.REQUESTER),
                api.as(Role.INTAKE_CLIENT));

        List<Api.Response> responses = Api.concurrently(callers.size(),
                i -> callers.get(i).post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key)));

        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 201, 200, 200);
        assertThat(responses.get(2).json().get("id")).isEqualTo(responses.get(0).json().get("id"));
        assertThat(responses.get(3).json().get("id")).isEqualTo(responses.get(1).json().get("id"));
        assertThat(storedWith(key)).isEqualTo(2);
    }

    @Test
    void anInvalidKeyIs400() {
        for (String key : List.of("x".repeat(101), "tab\there")) {
            Api.Response response = api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key));
            assertThat(response.status()).as(key).isEqualTo(400);
        }
    }

    @Test
    void concurrentRetriesStoreOneAssessment() throws Exception {
        String key = "concurrent-" + UUID.randomUUID();
        int clients = 8;
        List<Api.Response> responses = Api.concurrently(clients,
                () -> api.post("/api/v1/assessments", Examples.request(), Map.of("Idempotency-Key", key)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(clients - 1);
        assertThat(responses).extracting(r -> r.json().get("id").asString()).containsOnly(
                responses.get(0).json().get("id").asString());
        assertThat(storedWith(key)).isEqualTo(1);
    }
}
