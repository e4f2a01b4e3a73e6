package dk.kk.itassessment.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local accounts (table {@code accounts}). */
@Repository
class Accounts {

    /** An account's columns; {@code locked_until}: the end of the latest lock of any address (LoginThrottle). */
    private static final String COLUMNS = "username, email, roles, enabled, (select max(t.locked_until) from "
            + "login_throttle t where t.username = accounts.username and t.locked_until > now()) as locked_until, "
            + "created_at";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What authentication needs: the hash and whether the account may log in. */
    record Credentials(String username, String email, String passwordHash, List<Role> roles, boolean enabled) {
    }

    long count() {
        return jdbc.sql("select count(*) from accounts").query(Long.class).single();
    }

    /** Stores a new account; false when the username is taken. */
    boolean insert(String username, String email, String passwordHash, List<Role> roles, Instant createdAt) {
        return jdbc.sql("""
                insert into accounts (username, email, password_hash, roles, created_at)
                values (:username, :email, :hash, cast(:roles as text[]), :createdAt)
                on conflict (username) do nothing
                """)
                .param("username", username)
                .param("email", email)
                .param("hash", passwordHash)
                .param("roles", literal(roles))
                .param("createdAt", Timestamp.from(createdAt))
                .update() == 1;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from accounts where username = :username")
                .param("username", username).query(Accounts::account).optional();
    }

    List<Account> all() {
        return jdbc.sql("select " + COLUMNS + " from accounts order by username").query(Accounts::account).list();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select username, email, password_hash, roles, enabled from accounts where username = :username")
                .param("username", username)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getArray(4)),
                        rs.getBoolean(5)))
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from accounts where username = :username)")
                .param("username", username).query(Boolean.class).single();
    }

    boolean setRoles(String username, List<Role> roles) {
        return jdbc.sql("update accounts set roles = cast(:roles as text[]) where username = :username")
                .param("roles", literal(roles)).param("username", username).update() == 1;
    }

    boolean disable(String username) {
        return jdbc.sql("update accounts set enabled = false where username = :username")
                .param("username", username).update() == 1;
    }

    /**
     * The enabled ADMINs, locked until the transaction ends: a change that could take the last of them away takes
     * this first, so that two such changes at once are decided one after the other (the second sees the first's
     * outcome: under READ COMMITTED a locked row is read again once its lock is released). {@code no key update}:
     * the lock an update takes, which does not hold up a failed login's count (its foreign key's share lock).
     */
    List<String> lockEnabledAdmins() {
        return jdbc.sql("select username from accounts where enabled and 'ADMIN' = any(roles) order by username "
                        + "for no key update")
                .query(String.class).list();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), roles(rs.getArray(3)), rs.getBoolean(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)));
    }

    private static List<Role> roles(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).sorted().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A PostgreSQL array literal; role names are plain identifiers, so no quoting is needed. */
    private static String literal(List<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}";
    }
}
