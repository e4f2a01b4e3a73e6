package dk.kk.itassessment.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url}, an embedded PostgreSQL 17 ({@link EmbeddedServer})
 * with its files under {@code assessment.embedded-db.data-dir} (kept between runs), the service's pool logging in as
 * its own role ({@code spring.flyway.placeholders.app_role}) and the migrations running as the owner. The pool takes
 * the {@code spring.datasource.hikari.*} settings as with an external server.
 *
 * <p>One server per data directory and JVM: application contexts started again in the same JVM (tests that restart
 * the context) share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDataSourceUrl.class)
class EmbeddedDatabase {

    private static final Map<Path, EmbeddedServer> SERVERS = new ConcurrentHashMap<>();

    /** Released when the context closes, after its pool (which depends on it): {@link EmbeddedServer#stopAfterUsers}. */
    @Bean(destroyMethod = "release")
    EmbeddedServer embeddedServer(@Value("${assessment.embedded-db.data-dir:.data/postgres}") Path dataDir,
                                  @Value("${assessment.embedded-db.clean:false}") boolean clean,
                                  @Value("${spring.flyway.placeholders.app_role:assessment_app}") String appRole) {
        EmbeddedServer server = server(dataDir.toAbsolutePath().normalize(), clean, appRole);
        server.use();
        return server;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.appRole());
        pool.setPassword(server.appPassword());
        pool.setPoolName("embedded-postgres");
        return pool;
    }

    /** The migrations run as the schema's owner, not as the service's role. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedServer server) {
        return flyway -> flyway.dataSource(server.ownerDataSource());
    }

    private static synchronized EmbeddedServer server(Path dataDir, boolean clean, String appRole) {
        return SERVERS.computeIfAbsent(dataDir, dir -> EmbeddedServer.start(dir, clean, appRole));
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
