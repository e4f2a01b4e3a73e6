package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Five wrong passwords in a row lock an account for 15 minutes (the defaults); a good login resets the count. */
@IntegrationTest
class LockoutTests {

    private static final String PATH = "/api/v1/assessments";
    private static final String PASSWORD = "lockout-long-password";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    String newAccount() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of("REVIEWER"))).status()).isEqualTo(201);
        return username;
    }

    void wrongPassword(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(api.as(username, "not-the-password").get(PATH).status()).isEqualTo(401);
        }
    }

    Instant lockedUntil(String username) {
        return jdbc.sql("select locked_until from accounts where username = :u").param("u", username)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneThenGetsTheSame401() {
        String username = newAccount();

        wrongPassword(username, 5);

        Api.Response locked = api.as(username, PASSWORD).get(PATH);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text()).isEqualTo(api.anonymous().get(PATH).text());
        assertThat(lockedUntil(username)).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(api.get("/api/v1/users").json().values()).anySatisfy(u -> {
            assertThat(u.get("username").asString()).isEqualTo(username);
            assertThat(u.get("lockedUntil").isNull()).isFalse();
        });
    }

    @Test
    void whenTheLockHasRunOutTheRightPasswordIsLetInAgain() {
        String username = newAccount();
        wrongPassword(username, 5);
        jdbc.sql("update accounts set locked_until = now() - interval '1 second' where username = :u")
                .param("u", username).update();

        assertThat(api.as(username, PASSWORD).get(PATH).status()).isEqualTo(200);
        assertThat(lockedUntil(username)).isNull();
    }

    @Test
    void aGoodLoginResetsTheCount() {
        String username = newAccount();

        wrongPassword(username, 4);
        assertThat(api.as(username, PASSWORD).get(PATH).status()).isEqualTo(200);
        wrongPassword(username, 4);

        assertThat(api.as(username, PASSWORD).get(PATH).status()).isEqualTo(200);
        assertThat(lockedUntil(username)).isNull();
    }
}
