package dk.kk.itassessment.access;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing, re-roling, disabling and unlocking local accounts. Passwords are hashed here and never kept or
 * logged. Each change is audited in its own transaction ({@code user.created}, {@code user.roles-changed},
 * {@code user.disabled}, {@code account.unlocked}, target {@code account/<username>}; the details name roles only,
 * never the e-mail address or password).
 */
@Service
class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;
    private final LoginThrottle throttle;

    AccountService(Accounts accounts, PasswordEncoder passwords, Clock clock, AuditTrail audit, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
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

    /**
     * Replaces the roles; the last enabled ADMIN keeps ADMIN (409), so that someone can still administer. Decided
     * under the lock of the enabled ADMINs, so that two changes at once cannot each leave the other as the last one.
     */
    @Transactional
    Account setRoles(String username, List<Role> roles) {
        List<String> admins = accounts.lockEnabledAdmins();
        Account account = existing(username);
        if (!roles.contains(Role.ADMIN) && isTheLast(admins, username)) {
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
        List<String> admins = accounts.lockEnabledAdmins();
        Account account = existing(username);
        if (isTheLast(admins, username)) {
            throw new Conflict("The account " + username + " is the last enabled ADMIN and cannot be disabled.");
        }
        accounts.disable(username);
        audit.record(Actors.current(), "user.disabled", target(username), Map.of("wasEnabled", account.enabled()));
    }

    /**
     * Forgets the account's failed logins and locks, from every address (204 also when there were none, with nothing
     * to record); an unknown account is 404.
     */
    @Transactional
    void unlock(String username) {
        existing(username);
        int addresses = throttle.unlock(username);
        if (addresses > 0) {
            audit.record(Actors.current(), "account.unlocked", target(username), Map.of("addresses", addresses));
        }
    }

    private static boolean isTheLast(List<String> enabledAdmins, String username) {
        return enabledAdmins.equals(List.of(username));
    }

    private static String target(String username) {
        return "account/" + username;
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFound("No account with the username "
                + Text.shorten(username, 64) + "."));
    }

}
