package dk.kk.itassessment.access;

import java.security.SecureRandom;
import java.util.Base64;
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
        String username = settings.bootstrapAdmin().username();
        String password = settings.bootstrapAdmin().password();
        if (username == null || !AccountFields.USERNAME.matcher(username).matches()) {
            throw new IllegalStateException("assessment.security.bootstrap-admin.username must be 3 to 64 characters "
                    + "of a-z, 0-9, '.', '_' and '-'");
        }
        boolean generated = false;
        if (!StringUtils.hasText(password)) {
            if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                throw new IllegalStateException("No account exists and assessment.security.bootstrap-admin.password "
                        + "is not set: set it (at least " + AccountFields.MIN_PASSWORD + " characters) to create the "
                        + "first ADMIN account");
            }
            password = generate();
            generated = true;
        }
        if (password.length() < AccountFields.MIN_PASSWORD) {
            throw new IllegalStateException("assessment.security.bootstrap-admin.password must be at least "
                    + AccountFields.MIN_PASSWORD + " characters");
        }
        String email = username + "@localhost.invalid";
        service.create(new AccountFields.NewAccount(username, email, password, List.of(Role.ADMIN)));
        if (generated) {
            log.warn("No account existed: created the ADMIN account '{}' with the generated password {} "
                    + "(shown this once and never again; keep it now)", username, password);
        } else {
            log.info("No account existed: created the ADMIN account '{}' from assessment.security.bootstrap-admin",
                    username);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
