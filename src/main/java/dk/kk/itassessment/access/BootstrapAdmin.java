package dk.kk.itassessment.access;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first ADMIN, created at start-up when no account exists, from {@code assessment.security.bootstrap-admin.*}.
 * With no password configured: in embedded mode (no {@code spring.datasource.url}) a random one is generated and
 * logged this once; against an external database the start is refused, since no one could log in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Accounts accounts;
    private final AccountService service;
    private final SecuritySettings settings;
    private final Environment environment;

    BootstrapAdmin(Accounts accounts, AccountService service, SecuritySettings settings, Environment environment) {
        this.accounts = accounts;
        this.service = service;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        Credentials admin = credentials(settings.bootstrapAdmin(),
                StringUtils.hasText(environment.getProperty("spring.datasource.url")));
        String email = admin.username() + "@localhost.invalid";
        service.create(new AccountFields.NewAccount(admin.username(), email, admin.password(), List.of(Role.ADMIN)));
        if (admin.generated()) {
            log.warn("No account existed: created the ADMIN account '{}' with the generated password {} "
                    + "(shown this once and never again; keep it now)", admin.username(), admin.password());
        } else {
            log.info("No account existed: created the ADMIN account '{}' from assessment.security.bootstrap-admin",
                    admin.username());
        }
    }

    /** The first ADMIN's username and password, and whether the password was generated. */
    record Credentials(String username, String password, boolean generated) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    /**
     * The first ADMIN as configured, with a generated password where none is configured and the database is the
     * embedded one; refused ({@link Refused}, never naming the password) when it cannot be created so.
     */
    static Credentials credentials(SecuritySettings.BootstrapAdmin configured, boolean externalDatabase) {
        String username = configured.username();
        if (username == null || !AccountFields.USERNAME.matcher(username).matches()) {
            throw new Refused("assessment.security.bootstrap-admin.username must be 3 to 64 characters "
                    + "of a-z, 0-9, '.', '_' and '-'");
        }
        if (!StringUtils.hasText(configured.password())) {
            if (externalDatabase) {
                throw new Refused("No account exists and assessment.security.bootstrap-admin.password "
                        + "is not set: set it (at least " + AccountFields.MIN_PASSWORD + " characters) to create the "
                        + "first ADMIN account");
            }
            return new Credentials(username, generate(), true);
        }
        String problem = AccountFields.passwordProblem(configured.password());
        if (problem != null) {
            throw new Refused("assessment.security.bootstrap-admin.password " + problem);
        }
        return new Credentials(username, configured.password(), false);
    }

    /** The first ADMIN cannot be created as configured: the start is refused ({@link BootstrapAdminAnalyzer}). */
    static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** Letters and digits without look-alikes (0 O o, 1 l I), in four groups of six: about 138 bits. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A password to copy from a log line and type: letters and digits in groups joined by {@code -}, never starting
     * with one (which a shell or a tool would take for an option).
     */
    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 6; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
