package dk.kk.itassessment.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The login with a username and password, for any way of sending them (HTTP Basic today; a login form would use the
 * same): the account's password checked by Spring Security's {@link DaoAuthenticationProvider}, unless the client's
 * address is locked out of the account ({@link LoginThrottle}), and a successful login forgets the address's count.
 * A locked-out login is refused even with the right password, with the same answer as a wrong one; its password is
 * still checked (and the result dropped), so that it takes as long as any other and tells nothing by its timing.
 * A password longer than any account can have ({@link AccountFields#MAX_PASSWORD_BYTES}, bcrypt's limit) is a wrong
 * one, without hashing it.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    ThrottledLogin(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(new AccountDetails(accounts));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String username = login.getName();
        boolean account = username != null && AccountFields.USERNAME.matcher(username).matches();
        String client = LoginThrottle.client(login.getDetails());
        Optional<LoginThrottle.Count> count;
        try {
            count = account ? throttle.find(username, client) : Optional.empty();
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("The login count could not be read", e);
        }
        boolean tooLong = login.getCredentials() instanceof String password
                && password.getBytes(StandardCharsets.UTF_8).length > AccountFields.MAX_PASSWORD_BYTES;
        if (count.isPresent() && count.get().lockedAt(Instant.now(clock))) {
            if (!tooLong) {
                try {
                    passwords.authenticate(login);
                } catch (AuthenticationException ignored) {
                    // refused below all the same
                }
            }
            throw new LockedException("The address is locked out of the account");
        }
        if (tooLong) {
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication authenticated = passwords.authenticate(login);
        if (count.isPresent()) {
            try {
                throttle.succeeded(username, client);
            } catch (DataAccessException e) {
                throw new InternalAuthenticationServiceException("The login count could not be reset", e);
            }
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
