package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creating, listing, re-roling and disabling local accounts. Passwords are hashed here and never kept or logged. */
@Service
class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(Accounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    Account create(AccountFields.NewAccount account) {
        boolean inserted = accounts.insert(account.username(), account.email(), passwords.encode(account.password()),
                account.roles(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        if (!inserted) {
            throw new Conflict("An account with the username " + account.username() + " already exists.");
        }
        return accounts.find(account.username()).orElseThrow();
    }

    List<Account> all() {
        return accounts.all();
    }

    /** Replaces the roles; the last enabled ADMIN keeps ADMIN (409), so that someone can still administer. */
    Account setRoles(String username, List<Role> roles) {
        Account account = existing(username);
        if (account.enabled() && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)
                && !accounts.anotherEnabledAdmin(username)) {
            throw new Conflict("The account " + username + " is the last enabled ADMIN and keeps that role.");
        }
        accounts.setRoles(username, roles);
        return existing(username);
    }

    /** Disables the account (it is kept, for the record); the last enabled ADMIN cannot be disabled (409). */
    void disable(String username) {
        Account account = existing(username);
        if (account.enabled() && account.roles().contains(Role.ADMIN) && !accounts.anotherEnabledAdmin(username)) {
            throw new Conflict("The account " + username + " is the last enabled ADMIN and cannot be disabled.");
        }
        accounts.disable(username);
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
