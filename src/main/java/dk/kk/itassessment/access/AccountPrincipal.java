package dk.kk.itassessment.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A local account as Spring Security authenticates it, with the account's e-mail address beside the roles. Equal
 * by username, as {@link User} is.
 */
final class AccountPrincipal extends User {

    private final String email;

    AccountPrincipal(String username, String passwordHash, boolean enabled, String email,
                     Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.email = email;
    }

    String email() {
        return email;
    }
}
