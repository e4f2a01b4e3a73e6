package dk.kk.itassessment.access;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing, re-roling and disabling local accounts. Passwords are hashed here and never kept or logged. Each
 * change is audited in its own transaction ({@code user.created}, {@code user.roles-changed}, {@code user.disabled},
 * target {@code account/<username>}; the details name roles only, never the e-mail address or password).
 */
@Service
class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;

    AccountService(Accounts accounts, PasswordEncoder passwords, Clock clock, AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    Account create(AccountFields.NewAccount account) {
        boolean inserted = accounts.insert(account.username(), account.email(), passwords.encode(account.password()),
                account.roles(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        if (!inserted) {
            throw new Conflict("An account with the username " + account.username() + " already exists.");
        }
        Account created = accounts.find(account.username()).orElseThrow();
        audit.record(Actors.current(), "user.created", target(created.username()),
                Map.of("roles", names(created.roles())));
        return created;
    }

    List<Account> all() {
        return accounts.all();
    }

    /** Replaces the roles; the last enabled ADMIN keeps ADMIN (409), so that someone can still administer. */
    @Transactional
    Account setRoles(String username, List<Role> roles) {
        Account account = existing(username);
        if (account.enabled() && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)
                && !accounts.anotherEnabledAdmin(username)) {
            throw new Conflict("The account " + username + " is the last enabled ADMIN and keeps that role.");
        }
        accounts.setRoles(username, roles);
        Account changed = existing(username);
        audit.record(Actors.current(), "user.roles-changed", target(username), Map.of("from", names(account.roles()),
                "to", names(changed.roles())));
        return changed;
    }

    /** Disables the account (it is kept, for the record); the last enabled ADMIN cannot be disabled (409). */
    @Transactional
    void disable(String username) {
        Account account = existing(username);
        if (account.enabled() && account.roles().contains(Role.ADMIN) && !accounts.anotherEnabledAdmin(username)) {
            throw new Conflict("The account " + username + " is the last enabled ADMIN and cannot be disabled.");
        }
        accounts.disable(username);
        audit.record(Actors.current(), "user.disabled", target(username), Map.of("wasEnabled", account.enabled()));
    }

    private static String target(String username) {
        return "account/" + username;
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFound("No account with the username "
                + shorten(username) + "."));
    }

    private static String shorten(String username) {
        String s = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
