package dk.kk.itassessment.support;

import dk.kk.itassessment.access.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One account per role, created when the shared context has started (after the bootstrap ADMIN, which is created
 * only while no account exists): {@code test-requester}, {@code test-admin}, … with the password {@link #password}. Their hashes are bcrypt at the lowest cost, so that the hundreds of requests
 * of the suite are not slowed by hashing; the service's own hashes use the default cost.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public final class TestAccounts implements ApplicationRunner {

    private final JdbcClient jdbc;

    private TestAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        create();
    }

    public static String username(Role role) {
        return "test-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The test-only password of a test account. */
    public static String password(String username) {
        return "test-only-password-of-" + username;
    }

    public static String email(String username) {
        return username + "@test.example.dk";
    }

    private void create() {
        BCryptPasswordEncoder cheap = new BCryptPasswordEncoder(4);
        for (Role role : Role.values()) {
            String username = username(role);
            jdbc.sql("""
                    insert into accounts (username, email, password_hash, roles, created_at)
                    values (:username, :email, :hash, cast(:roles as text[]), :createdAt)
                    on conflict (username) do update set password_hash = excluded.password_hash,
                        roles = excluded.roles, enabled = true
                    """)
                    .param("username", username)
                    .param("email", email(username))
                    .param("hash", "{bcrypt}" + cheap.encode(password(username)))
                    .param("roles", "{" + role.name() + "}")
                    .param("createdAt", Timestamp.from(Instant.now()))
                    .update();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        TestAccounts testAccounts(JdbcClient jdbc) {
            return new TestAccounts(jdbc);
        }
    }
}
