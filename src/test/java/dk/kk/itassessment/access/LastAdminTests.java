package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The last enabled ADMIN keeps ADMIN and stays enabled, also when admins take each other's rights away at the same
 * moment. For the time of a test the only enabled ADMINs are the test's own (the others are disabled, and enabled
 * again after it; the suite's tests run one after the other).
 */
@IntegrationTest
class LastAdminTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final List<String> setAside = new ArrayList<>();

    @BeforeEach
    void onlyThisTestsAdmins() {
        setAside.addAll(jdbc.sql("update accounts set enabled = false where enabled and 'ADMIN' = any(roles) "
                + "returning username").query(String.class).list());
    }

    @AfterEach
    void theOtherAdminsBack() {
        jdbc.sql("update accounts set enabled = false where username like 'last-admin-%'").update();
        jdbc.sql("update accounts set enabled = true where username in (:names)").param("names", setAside).update();
    }

    /**
     * A disables B and B disables A at the same moment: A's change is a transaction held open here (as another
     * instance's would be while it commits), B's a request. B's must wait for A's and then be refused, not decide on
     * what it read before A's committed.
     */
    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneOfThemEnabled() throws Exception {
        List<String> admins = newAdmins(2);
        String a = admins.get(0);
        String b = admins.get(1);
        Api.Response answer;
        try (Connection aDisablesB = dataSource.getConnection()) {
            aDisablesB.setAutoCommit(false);
            try (PreparedStatement disable = aDisablesB.prepareStatement(
                    "update accounts set enabled = false where username = ?")) {
                disable.setString(1, b);
                disable.executeUpdate();
            }
            CompletableFuture<Api.Response> bDisablesA = CompletableFuture.supplyAsync(
                    () -> api.as(b, password(b)).delete("/api/v1/users/" + a));
            waitUntilWaitingForALockOrDone(bDisablesA);
            aDisablesB.commit();
            answer = bDisablesA.get(60, TimeUnit.SECONDS);
        }

        assertThat(answer.status()).isEqualTo(409);
        assertThat(enabledAdmins()).containsExactly(a);
    }

    @Test
    void adminsTakingEachOthersRightsAllAtOnceLeaveAnEnabledAdmin() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> admins = newAdmins(6);
            // each disables or re-roles the next one, all at once
            List<Api.Response> answers = Api.concurrently(admins.size(), i -> {
                String next = admins.get((i + 1) % admins.size());
                Api self = api.as(admins.get(i), password(admins.get(i)));
                return i % 2 == 0 ? self.delete("/api/v1/users/" + next)
                        : self.put("/api/v1/users/" + next + "/roles", List.of("REVIEWER"));
            });

            List<Integer> statuses = answers.stream().map(Api.Response::status).toList();
            assertThat(enabledAdmins()).as("round %d: %s", round, statuses).isNotEmpty();
            // refused as the last ADMIN, or no longer an ADMIN (401 disabled, 403 re-roled) when its turn came
            assertThat(statuses).as("round %d", round).allMatch(s -> List.of(200, 204, 401, 403, 409).contains(s));
            jdbc.sql("update accounts set enabled = false where username in (:names)").param("names", admins).update();
        }
    }

    @Test
    void theLastAdminCanNeitherBeDisabledNorLoseAdmin() {
        String admin = newAdmins(1).get(0);
        Api self = api.as(admin, password(admin));

        assertThat(self.delete("/api/v1/users/" + admin).status()).isEqualTo(409);
        assertThat(self.put("/api/v1/users/" + admin + "/roles", List.of("REVIEWER")).status()).isEqualTo(409);
        assertThat(self.put("/api/v1/users/" + admin + "/roles", List.of("ADMIN", "REVIEWER")).status()).isEqualTo(200);
        assertThat(enabledAdmins()).containsExactly(admin);
    }

    /** Until a statement on the accounts waits for a lock, or {@code request} is answered (at most a minute). */
    private void waitUntilWaitingForALockOrDone(CompletableFuture<Api.Response> request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!request.isDone() && System.nanoTime() < deadline && jdbc.sql(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() "
                        + "and query like '%accounts%'")
                .query(Long.class).single() == 0) {
            Thread.sleep(20);
        }
    }

    private List<String> enabledAdmins() {
        return jdbc.sql("select username from accounts where enabled and 'ADMIN' = any(roles)").query(String.class).list();
    }

    /** New enabled ADMINs, their hashes cheap (bcrypt at the lowest cost) so that they log in at once. */
    private List<String> newAdmins(int count) {
        BCryptPasswordEncoder cheap = new BCryptPasswordEncoder(4);
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "last-admin-" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("insert into accounts (username, email, password_hash, roles, created_at) "
                            + "values (:u, :e, :h, '{ADMIN}', :at)")
                    .param("u", username).param("e", username + "@example.dk")
                    .param("h", "{bcrypt}" + cheap.encode(password(username))).param("at", Timestamp.from(Instant.now()))
                    .update();
            admins.add(username);
        }
        return admins;
    }

    private static String password(String username) {
        return "test-only-password-of-" + username;
    }
}
