package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RawHttp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Five wrong passwords in a row from one client address lock that address out of the account for a minute, and each
 * further wrong one after a lock for twice as long, up to 15 minutes (the defaults); other addresses keep logging
 * in. The tests send from loopback addresses of their own (127.0.0.x, through {@link RawHttp}): each is a client
 * address to the service.
 */
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

    RawHttp.Response login(String from, String username, String password) {
        return RawHttp.get(api.port(), from, PATH, username, password);
    }

    void wrongPassword(String from, String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(login(from, username, "not-the-password").status()).isEqualTo(401);
        }
    }

    Instant lockedUntil(String username, String client) {
        return jdbc.sql("select locked_until from login_throttle where username = :u and client = :c")
                .param("u", username).param("c", client)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    /** The lock of an address as if its time had passed. */
    void endTheLock(String username, String client) {
        jdbc.sql("update login_throttle set locked_until = now() - interval '1 second' where username = :u and client = :c")
                .param("u", username).param("c", client).update();
    }

    long counts(String username) {
        return jdbc.sql("select count(*) from login_throttle where username = :u").param("u", username)
                .query(Long.class).single();
    }

    static void isAbout(Instant actual, Duration fromNow) {
        assertThat(actual).isBetween(Instant.now().plus(fromNow).minusSeconds(30), Instant.now().plus(fromNow).plusSeconds(5));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressLockOnlyThatAddressOut() {
        String username = newAccount();

        wrongPassword("127.0.0.2", username, 5);

        RawHttp.Response locked = login("127.0.0.2", username, PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(api.anonymous().get(PATH).text());
        assertThat(login("127.0.0.3", username, PASSWORD).status()).as("another address").isEqualTo(200);
        assertThat(api.as(username, PASSWORD).get(PATH).status()).as("the owner's address").isEqualTo(200);
        isAbout(lockedUntil(username, "127.0.0.2"), Duration.ofMinutes(1));
        assertThat(api.get("/api/v1/users").json().values()).anySatisfy(u -> {
            assertThat(u.get("username").asString()).isEqualTo(username);
            assertThat(u.get("lockedUntil").isNull()).isFalse();
        });
    }

    @Test
    void eachWrongPasswordAfterALockLocksTheAddressForTwiceAsLongUpToFifteenMinutes() {
        String username = newAccount();
        wrongPassword("127.0.0.4", username, 5);
        isAbout(lockedUntil(username, "127.0.0.4"), Duration.ofMinutes(1));

        for (long minutes : new long[] {2, 4, 8, 15, 15}) {
            endTheLock(username, "127.0.0.4");
            wrongPassword("127.0.0.4", username, 1);
            isAbout(lockedUntil(username, "127.0.0.4"), Duration.ofMinutes(minutes));
        }
    }

    @Test
    void whileLockedEvenTheRightPasswordIsRefusedAndWhenTheLockHasRunOutItIsLetIn() {
        String username = newAccount();
        wrongPassword("127.0.0.5", username, 5);
        Instant until = lockedUntil(username, "127.0.0.5");

        assertThat(login("127.0.0.5", username, PASSWORD).status()).isEqualTo(401);
        wrongPassword("127.0.0.5", username, 3);
        assertThat(lockedUntil(username, "127.0.0.5")).as("guesses while locked do not lengthen it").isEqualTo(until);

        endTheLock(username, "127.0.0.5");
        assertThat(login("127.0.0.5", username, PASSWORD).status()).isEqualTo(200);
        assertThat(counts(username)).as("a good login forgets the count").isZero();
    }

    @Test
    void aGoodLoginResetsTheCount() {
        String username = newAccount();

        wrongPassword("127.0.0.6", username, 4);
        assertThat(login("127.0.0.6", username, PASSWORD).status()).isEqualTo(200);
        wrongPassword("127.0.0.6", username, 4);

        assertThat(login("127.0.0.6", username, PASSWORD).status()).isEqualTo(200);
        assertThat(lockedUntil(username, "127.0.0.6")).isNull();
    }

    @Test
    void anAdminUnlocksAnAccountForEveryAddress() {
        String username = newAccount();
        wrongPassword("127.0.0.7", username, 5);
        wrongPassword("127.0.0.8", username, 6);
        assertThat(login("127.0.0.7", username, PASSWORD).status()).isEqualTo(401);

        Api.Response unlocked = api.post("/api/v1/users/" + username + "/unlock", new byte[0]);

        assertThat(unlocked.status()).isEqualTo(204);
        assertThat(login("127.0.0.7", username, PASSWORD).status()).isEqualTo(200);
        assertThat(login("127.0.0.8", username, PASSWORD).status()).isEqualTo(200);
        assertThat(counts(username)).isZero();
        assertThat(api.get("/api/v1/users").json().values()).anySatisfy(u -> {
            assertThat(u.get("username").asString()).isEqualTo(username);
            assertThat(u.get("lockedUntil").isNull()).isTrue();
        });
        assertThat(jdbc.sql("select actor, details ->> 'addresses' from audit_entries where action = 'account.unlocked' "
                        + "and target = :t").param("t", "account/" + username)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("test-admin 2");

        assertThat(api.post("/api/v1/users/" + username + "/unlock", new byte[0]).status()).as("again").isEqualTo(204);
        assertThat(api.post("/api/v1/users/nobody-here/unlock", new byte[0]).status()).isEqualTo(404);
        assertThat(api.as(Role.REVIEWER).post("/api/v1/users/" + username + "/unlock",
                new byte[0]).status()).isEqualTo(403);
    }

    @Test
    void credentialsSentToTheOpenEndpointsAreNotCheckedSoTheyLockNothing() {
        String username = newAccount();

        for (int i = 0; i < 7; i++) {
            for (String method : List.of("GET", "HEAD")) {
                assertThat(RawHttp.send(api.port(), "127.0.0.9", method, "/actuator/health", Map.of("Host", "localhost",
                        "Authorization", Api.basic(username, "not-the-password"))).status()).isEqualTo(200);
            }
        }

        assertThat(counts(username)).isZero();
        assertThat(login("127.0.0.9", username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsCountedNowhereAndAPasswordLongerThanBcryptReadsIsAPlain401() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String username = newAccount();
        String long80 = "p".repeat(80);
        for (String name : List.of(username, unknown)) {
            RawHttp.Response answer = login("127.0.0.10", name, long80);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(api.anonymous().get(PATH).text());
        }
        assertThat(login("127.0.0.10", username, "æ".repeat(40)).status()).isEqualTo(401);

        wrongPassword("127.0.0.10", unknown, 6);
        assertThat(counts(unknown)).isZero();
    }
}
