package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RawHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Failed logins in the audit trail: one entry per account and minute with the count of each reason, under the
 * username only when an account has it, so that a key or a password typed into the username field is kept nowhere.
 */
@IntegrationTest
class FailedLoginAuditTests {

    private static final String PASSWORD = "failed-login-long-password";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    LoginFailures failures;

    record Entry(String actor, String target, JsonNode details) {
    }

    /** The login.failed entries of {@code account}, after the minutes counted so far are written. */
    List<Entry> failedLogins(String account) {
        failures.write(Instant.now().plus(Duration.ofMinutes(2)));
        trail.seal();
        return jdbc.sql("select actor, target, details::text from audit_entries where action = 'login.failed' "
                        + "and target = :t order by seq")
                .param("t", "account/" + account)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), Api.json().readTree(rs.getString(3))))
                .list();
    }

    /** No entry anywhere in the trail holds {@code secret}, in any column, nor any count waiting to be written. */
    void nowhereInTheTrail(String secret) {
        assertThat(jdbc.sql("select count(*) from audit_entries where strpos(actor, :s) > 0 or strpos(target, :s) > 0 "
                        + "or strpos(details::text, :s) > 0")
                .param("s", secret).query(Long.class).single()).as("entries holding a secret").isZero();
        assertThat(jdbc.sql("select count(*) from login_failures where strpos(account, :s) > 0")
                .param("s", secret).query(Long.class).single()).isZero();
    }

    static int sum(List<Entry> entries, String field) {
        return entries.stream().mapToInt(e -> e.details().path(field).asInt()).sum();
    }

    static int reason(List<Entry> entries, String reason) {
        return entries.stream().mapToInt(e -> e.details().path("reasons").path(reason).asInt()).sum();
    }

    String newAccount() {
        String username = "failed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of("REVIEWER"))).status()).isEqualTo(201);
        return username;
    }

    @AfterEach
    void theChainIsIntact() {
        Api.Response verified = api.get("/api/v1/audit/verify");
        assertThat(verified.json().get("intact").asBoolean()).as(verified.text()).isTrue();
    }

    @Test
    void anApiKeyOrAPasswordTypedAsTheUsernameIsNowhereInTheTrail() {
        String key = api.post("/api/v1/api-keys", Map.of("name", "Form " + UUID.randomUUID(),
                "roles", List.of("INTAKE_CLIENT"))).json().get("key").asString();
        String password = "My-Secret-Password-" + UUID.randomUUID();
        String lowerCasePassword = "my-secret-password-" + UUID.randomUUID();
        int before = reason(failedLogins(LoginFailures.UNKNOWN), "bad-credentials");

        for (String typedAsUsername : List.of(key, password, lowerCasePassword)) {
            assertThat(api.as(typedAsUsername, "").get("/api/v1/assessments").status()).isEqualTo(401);
        }

        List<Entry> unknown = failedLogins(LoginFailures.UNKNOWN);
        assertThat(unknown).allSatisfy(e -> assertThat(e.actor()).isEqualTo(LoginFailures.UNKNOWN));
        assertThat(reason(unknown, "bad-credentials") - before).isGreaterThanOrEqualTo(3);
        nowhereInTheTrail(key);
        nowhereInTheTrail(key.substring("itak_".length(), 20));
        nowhereInTheTrail(password);
        nowhereInTheTrail(lowerCasePassword);
    }

    @Test
    void repeatedFailuresAreOneEntryPerAccountAndMinuteWithTheirCounts() {
        String username = newAccount();
        String wrong = "wrong-" + UUID.randomUUID();

        for (int i = 0; i < 12; i++) { // the sixth and later are refused as locked out
            assertThat(RawHttp.get(api.port(), "127.0.0.20", "/api/v1/assessments", username, wrong).status())
                    .isEqualTo(401);
        }

        List<Entry> entries = failedLogins(username);
        assertThat(entries).hasSizeBetween(1, 2); // the twelve may straddle a minute
        assertThat(entries).extracting(e -> e.details().get("minute").asString()).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(username);
            assertThat(e.details().propertyNames()).containsExactlyInAnyOrder("minute", "failures", "reasons",
                    "lockouts");
        });
        assertThat(sum(entries, "failures")).isEqualTo(12);
        assertThat(reason(entries, "bad-credentials")).isEqualTo(5);
        assertThat(reason(entries, "locked")).isEqualTo(7);
        assertThat(sum(entries, "lockouts")).isEqualTo(1);
        nowhereInTheTrail(wrong);
    }

    @Test
    void aDisabledAccountsFailedLoginsAreCountedUnderItsName() {
        String username = newAccount();
        assertThat(api.delete("/api/v1/users/" + username).status()).isEqualTo(204);

        assertThat(api.as(username, PASSWORD).get("/api/v1/assessments").status()).isEqualTo(401);

        assertThat(reason(failedLogins(username), "disabled")).isEqualTo(1);
    }

    @Test
    void aMinuteIsWrittenOnceAndOnlyWhenItHasEnded() {
        String username = newAccount();
        assertThat(api.as(username, "not-it-" + UUID.randomUUID()).get("/api/v1/assessments").status()).isEqualTo(401);
        long counted = jdbc.sql("select count(*) from login_failures where account = :a").param("a", username)
                .query(Long.class).single();

        failures.write(Instant.now().minus(Duration.ofMinutes(1)));

        assertThat(jdbc.sql("select count(*) from login_failures where account = :a").param("a", username)
                .query(Long.class).single()).as("the current minute waits").isEqualTo(counted);
        assertThat(failedLogins(username)).singleElement()
                .satisfies(e -> assertThat(e.details().get("failures").asInt()).isEqualTo(1));
        assertThat(failedLogins(username)).as("written once").hasSize(1);
    }
}
