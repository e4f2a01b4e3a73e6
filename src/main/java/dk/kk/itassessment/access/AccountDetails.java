package dk.kk.itassessment.access;

import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads a local account for a password login: a disabled account is refused like a wrong password, and a username
 * no account can have (e.g. with a NUL, which PostgreSQL refuses) is unknown without asking the database. Locks are
 * per client address, checked before ({@link ThrottledLogin}).
 */
final class AccountDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<Accounts.Credentials> found = username != null && AccountFields.USERNAME.matcher(username).matches()
                ? accounts.credentials(username) : Optional.empty();
        Accounts.Credentials account = found.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return new AccountPrincipal(account.username(), account.passwordHash(), account.enabled(), account.email(),
                account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
