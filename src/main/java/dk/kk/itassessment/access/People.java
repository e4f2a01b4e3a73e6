package dk.kk.itassessment.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The enabled local accounts as other modules need them: a user name's e-mail address, and the roles of the people
 * behind an e-mail address (notifications: who is the actor of a change, who may see an internal comment). Never a
 * password hash.
 */
@Service
public class People {

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The e-mail address of the enabled account {@code username}; empty for an API key or an unknown name. */
    public Optional<String> email(String username) {
        return jdbc.sql("select email from accounts where username = ? and enabled")
                .param(username).query(String.class).optional();
    }

    /** The roles of every enabled account with this e-mail address (compared ignoring case); empty when none. */
    public Set<Role> rolesOf(String email) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select distinct unnest(roles) from accounts where lower(email) = lower(?) and enabled")
                .param(email)
                .query(String.class).list()
                .forEach(role -> Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).forEach(roles::add));
        return roles;
    }
}
