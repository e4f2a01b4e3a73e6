package dk.kk.itassessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access changes in the audit trail: accounts created, re-roled and disabled, API keys created and revoked, each
 * with its actor and target and never a password or key (failed logins: access/FailedLoginAuditTests).
 */
@IntegrationTest
class AuditHooksTests {

    private static final String PASSWORD = "audit-hooks-long-password";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<AuditRows.Entry> entriesFor(String target) {
        return AuditRows.entriesFor(trail, jdbc, target);
    }

    /** No entry anywhere in the trail holds {@code secret}, in any column. */
    void nowhereInTheTrail(String secret) {
        assertThat(jdbc.sql("select count(*) from audit_entries where strpos(actor, :s) > 0 or strpos(target, :s) > 0 "
                        + "or strpos(details::text, :s) > 0")
                .param("s", secret).query(Long.class).single()).as("entries holding a secret").isZero();
    }

    @AfterEach
    void theChainIsIntact() {
        Api.Response verified = api.get("/api/v1/audit/verify");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("intact").asBoolean()).as(verified.text()).isTrue();
    }

    @Test
    void anAccountCreatedReRoledAndDisabledLeavesAnEntryForEach() {
        String username = unique("audited");
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/users/" + username + "/roles", List.of("REVIEWER", "REQUESTER")).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/users/" + username).status()).isEqualTo(204);

        List<AuditRows.Entry> entries = entriesFor("account/" + username);
        assertThat(entries).extracting(AuditRows.Entry::action)
                .containsExactly("user.created", "user.roles-changed", "user.disabled");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("test-admin"));
        assertThat(entries.get(0).details()).isEqualTo(Api.json().readTree("{\"roles\":[\"REQUESTER\"]}"));
        assertThat(entries.get(1).details()).isEqualTo(Api.json().readTree(
                "{\"from\":[\"REQUESTER\"],\"to\":[\"REQUESTER\",\"REVIEWER\"]}"));
        assertThat(entries.get(2).details()).isEqualTo(Api.json().readTree("{\"wasEnabled\":true}"));
        nowhereInTheTrail(PASSWORD);
        nowhereInTheTrail(username + "@example.dk");
    }

    @Test
    void aRefusedAccountChangeLeavesNoEntry() {
        String username = unique("refused");
        long before = AuditRows.count(trail, jdbc);
        assertThat(api.put("/api/v1/users/" + username + "/roles", List.of("REVIEWER")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/users", Map.of("username", "test-admin", "email", "x@example.dk",
                "password", PASSWORD, "roles", List.of("ADMIN"))).status()).isEqualTo(409);
        assertThat(AuditRows.count(trail, jdbc)).isEqualTo(before);
    }

    @Test
    void anApiKeyCreatedAndRevokedLeavesAnEntryForEachWithoutTheKey() {
        Api.Response created = api.post("/api/v1/api-keys", Map.of("name", unique("Intake"),
                "roles", List.of("INTAKE_CLIENT")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String key = created.json().get("key").asString();
        assertThat(api.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);

        List<AuditRows.Entry> entries = entriesFor("api-key/" + id);
        assertThat(entries).extracting(AuditRows.Entry::action).containsExactly("api-key.created", "api-key.revoked");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("test-admin"));
        assertThat(entries.get(0).details()).isEqualTo(Api.json().readTree("{\"roles\":[\"INTAKE_CLIENT\"]}"));
        nowhereInTheTrail(key);
        nowhereInTheTrail(key.substring("itak_".length()));
        String hash = jdbc.sql("select key_hash from api_keys where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        nowhereInTheTrail(hash);
    }

    @Test
    void anApiKeyActsUnderItsName() {
        String name = unique("Form");
        String key = api.post("/api/v1/api-keys", Map.of("name", name, "roles", List.of("INTAKE_CLIENT")))
                .json().get("key").asString();
        Api.Response stored = api.anonymous().send("/api/v1/assessments", "POST", "application/json",
                Api.bytes(AuditRows.request()), Map.of("Authorization", "Bearer " + key));
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);

        AuditRows.Entry entry = entriesFor("assessment/" + stored.json().get("id").asString()).get(0);
        assertThat(entry.actor()).isEqualTo("api-key:" + name);
    }
}
