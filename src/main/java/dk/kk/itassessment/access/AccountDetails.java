package dk.kk.itassessment.access;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a local account for HTTP Basic: disabled and locked accounts are refused like a wrong password, and a username
 * no account can have (e.g. with a NUL, which PostgreSQL refuses) is unknown without asking the database.
 */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDetails(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || !AccountFields.USERNAME.matcher(username).matches()) {
            throw new UsernameNotFoundException("unknown account");
        }
        Accounts.Credentials account = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        boolean nonLocked = account.lockedUntil() == null || !account.lockedUntil().isAfter(Instant.now(clock));
        return new AccountPrincipal(account.username(), account.passwordHash(), account.enabled(), nonLocked,
                account.email(), account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
