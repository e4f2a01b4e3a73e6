package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/api-keys} and {@code Authorization: Bearer <key>}: keys for machine clients (intake forms). */
@IntegrationTest
class ApiKeyTests {

    private static final String KEYS = "/api/v1/api-keys";
    private static final String ASSESSMENTS = "/api/v1/assessments";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a key as the test ADMIN; its id and the key. */
    record Created(String id, String key) {
    }

    Created create(String name, String... roles) {
        Api.Response created = api.post(KEYS, Map.of("name", name, "roles", List.of(roles)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Created(created.json().get("id").asString(), created.json().get("key").asString());
    }

    Api.Response get(String authorization, String path) {
        return api.anonymous().send(path, "GET", null, new byte[0], Map.of("Authorization", authorization));
    }

    Api.Response post(String authorization, String path, Object body) {
        return api.anonymous().send(path, "POST", "application/json", Api.bytes(body),
                Map.of("Authorization", authorization));
    }

    static JsonNode assessment(String requesterEmail) {
        try (InputStream in = ApiKeyTests.class.getResourceAsStream("/examples/01-free-app-no-personal-data.json")) {
            ObjectNode request = (ObjectNode) Api.json().readTree(in).get("request").deepCopy();
            ((ObjectNode) request.get("requester")).put("email", requesterEmail);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCreatedKeyIsShownOnceAndTheListShowsNeitherItNorItsHash() {
        String name = unique("Intake form");
        Api.Response created = api.post(KEYS, Map.of("name", name, "roles", List.of("INTAKE_CLIENT")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.json().propertyNames()).containsExactlyInAnyOrder("id", "key");
        String id = created.json().get("id").asString();
        String key = created.json().get("key").asString();
        assertThat(key).matches("itak_[A-Za-z0-9_-]{43}");
        assertThat(created.header("Cache-Control")).contains("no-store");

        String hash = jdbc.sql("select key_hash from api_keys where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        assertThat(hash).isEqualTo(ApiKeyService.hash(key)).matches("[0-9a-f]{64}").doesNotContain(key);

        Api.Response list = api.get(KEYS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain(key).doesNotContain(key.substring(5)).doesNotContain(hash);
        JsonNode listed = list.json().values().stream().filter(k -> k.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(listed.get("name").asString()).isEqualTo(name);
        assertThat(listed.get("roles").values()).extracting(JsonNode::asString).containsExactly("INTAKE_CLIENT");
        assertThat(listed.get("createdBy").asString()).isEqualTo("test-admin");
        assertThat(listed.get("revokedAt").isNull()).isTrue();
        assertThat(listed.propertyNames()).doesNotContain("key", "keyHash", "hash", "secret");

        Created other = create(name, "INTAKE_CLIENT");
        assertThat(other.key()).isNotEqualTo(key);
    }

    @Test
    void anIntakeClientKeySubmitsAndReadsItsOwnAssessmentsOnly() {
        String name = unique("Selvbetjening");
        Created key = create(name, "INTAKE_CLIENT");
        String bearer = "Bearer " + key.key();

        Api.Response submitted = post(bearer, ASSESSMENTS, assessment("someone@example.dk"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(jdbc.sql("select submitted_by from assessments where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("api-key:" + name);
        assertThat(get(bearer, ASSESSMENTS + "/" + id).status()).isEqualTo(200);
        assertThat(get(bearer, ASSESSMENTS).json().get("items").values())
                .extracting(a -> a.get("id").asString()).containsExactly(id);

        Api.Response anothers = api.as(Role.REQUESTER).post(ASSESSMENTS, assessment("someone@example.dk"));
        assertThat(anothers.status()).isEqualTo(201);
        assertThat(get(bearer, ASSESSMENTS + "/" + anothers.json().get("id").asString()).status()).isEqualTo(404);

        assertThat(jdbc.sql("select last_used_at is not null from api_keys where id = cast(:id as uuid)")
                .param("id", key.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aKeyHasItsRolesOnly() {
        Created reviewer = create(unique("Dashboard"), "REVIEWER");
        String bearer = "Bearer " + reviewer.key();

        Api.Response denied = post(bearer, ASSESSMENTS, assessment("someone@example.dk"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).isEqualTo("https://it-assessment.kk.dk/problems/forbidden");
        assertThat(get(bearer, ASSESSMENTS).status()).isEqualTo(200);
        assertThat(get(bearer, KEYS).status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyGetsTheSame401AsAWrongOneAndAMalformedOne() {
        Created key = create(unique("Old form"), "INTAKE_CLIENT");
        String bearer = "Bearer " + key.key();
        assertThat(get(bearer, ASSESSMENTS).status()).isEqualTo(200);

        assertThat(api.delete(KEYS + "/" + key.id()).status()).isEqualTo(204);
        assertThat(api.delete(KEYS + "/" + key.id()).status()).as("revoking again").isEqualTo(204);

        Api.Response revoked = get(bearer, ASSESSMENTS);
        Api.Response wrong = get("Bearer itak_" + "A".repeat(43), ASSESSMENTS);
        List<Api.Response> refused = List.of(revoked, wrong,
                get("Bearer itak_short", ASSESSMENTS),
                get("Bearer " + key.key() + "x", ASSESSMENTS),
                get("Bearer not-an-api-key", ASSESSMENTS),
                get("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", ASSESSMENTS),
                get("Bearer", ASSESSMENTS),
                post(bearer, ASSESSMENTS, assessment("someone@example.dk")));
        for (Api.Response answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString())
                    .isEqualTo("https://it-assessment.kk.dk/problems/unauthenticated");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"it-assessment\", error=\"invalid_token\"");
            assertThat(answer.text()).isEqualTo(wrong.text());
        }
        assertThat(api.get(KEYS).json().values()).anySatisfy(k -> {
            assertThat(k.get("id").asString()).isEqualTo(key.id());
            assertThat(k.get("revokedAt").isNull()).isFalse();
        });
    }

    @Test
    void aKeyRevokedThroughAnotherInstanceIsRefusedWithinTheTimeAKeyIsRemembered() throws InterruptedException {
        Created key = create(unique("Form on two instances"), "INTAKE_CLIENT");
        String bearer = "Bearer " + key.key();
        assertThat(get(bearer, ASSESSMENTS).status()).isEqualTo(200); // found, and remembered here
        // another instance revokes it: this one hears nothing of it
        jdbc.sql("update api_keys set revoked_at = now() where id = cast(:id as uuid)").param("id", key.id()).update();

        long revokedAt = System.nanoTime();
        while (get(bearer, ASSESSMENTS).status() == 200) {
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - revokedAt))
                    .isLessThan(ApiKeyService.REMEMBERED.plusSeconds(2));
            Thread.sleep(200);
        }
        assertThat(get(bearer, ASSESSMENTS).status()).isEqualTo(401);
    }

    @Test
    void revokingAnUnknownKeyIs404() {
        assertThat(api.delete(KEYS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Response malformed = api.delete(KEYS + "/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Api.Response bad = api.post(KEYS, Map.of("name", "x".repeat(101), "roles", List.of("INTAKE_CLIENT", "KING"),
                "extra", 1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("name", "roles[1]", "extra");

        assertThat(fields(api.post(KEYS, Map.of()))).containsExactlyInAnyOrder("name", "roles");
        assertThat(fields(api.post(KEYS, Map.of("name", "", "roles", List.of())))).containsExactlyInAnyOrder("name",
                "roles");
        assertThat(fields(api.post(KEYS, Map.of("name", "  ", "roles", "INTAKE_CLIENT"))))
                .containsExactlyInAnyOrder("name", "roles");
        assertThat(fields(api.post(KEYS, Map.of("name", "bell\u0007", "roles", List.of("INTAKE_CLIENT")))))
                .containsExactly("name");
        assertThat(fields(api.post(KEYS, Map.of("name", 7, "roles", List.of(7))))).containsExactlyInAnyOrder("name",
                "roles[0]");
        assertThat(fields(api.post(KEYS, "[]"))).containsExactly("$");
        assertThat(api.post(KEYS, Map.of("name", "x".repeat(100), "roles", List.of("INTAKE_CLIENT"))).status())
                .isEqualTo(201);
    }

    static List<String> fields(Api.Response answer) {
        assertThat(answer.status()).isEqualTo(400);
        return answer.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void onlyAnAdminManagesKeys() {
        Created key = create(unique("Kept"), "INTAKE_CLIENT");
        for (Role role : List.of(Role.INTAKE_CLIENT, Role.REQUESTER, Role.REVIEWER)) {
            Api caller = api.as(role);
            assertThat(caller.post(KEYS, Map.of("name", "mine", "roles", List.of("ADMIN"))).status()).isEqualTo(403);
            assertThat(caller.get(KEYS).status()).isEqualTo(403);
            assertThat(caller.delete(KEYS + "/" + key.id()).status()).isEqualTo(403);
        }
        assertThat(api.anonymous().get(KEYS).status()).isEqualTo(401);
        assertThat(get("Bearer " + key.key(), KEYS).status()).isEqualTo(403);
        assertThat(get("Bearer " + key.key(), ASSESSMENTS).status()).as("still valid").isEqualTo(200);
    }
}
