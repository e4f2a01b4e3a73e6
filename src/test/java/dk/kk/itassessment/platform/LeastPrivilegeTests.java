package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.support.DatabaseOwner;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service connects as its own role (migration V26), which reads and writes rows but cannot change the schema
 * nor the audit trail beyond appending and sealing; the embedded PostgreSQL takes password logins only, on loopback.
 */
@IntegrationTest
class LeastPrivilegeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseOwner owner;

    @Autowired
    EmbeddedServer server;

    @Test
    void theServicesRoleIsNotTheOwner() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("assessment_app");
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theServicesRoleCannotChangeTheAuditTrailNorTheSchema() {
        refused("update audit_entries set actor = 'mallory'");
        refused("update audit_entries set actor = 'mallory' where false");
        refused("delete from audit_entries where false");
        refused("truncate audit_entries");
        refused("alter table audit_entries disable trigger user");
        refused("update answer_parts set body = body where false");
        refused("delete from flyway_schema_history where false");
        refused("drop table assessments");
        refused("drop table audit_entries");
        refused("alter table accounts add column mallory text");
        refused("create table mallory (id int)");
        refused("create function mallory() returns int language sql as 'select 1'");
        assertThat(owner.jdbc().sql("select count(*) from audit_entries where actor = 'mallory'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aTableALaterMigrationMakesIsTheServicesToReadAndWriteNotToDrop() {
        String table = "later_" + UUID.randomUUID().toString().substring(0, 8);
        owner.jdbc().sql("create table " + table + " (id bigint generated always as identity primary key, note text)")
                .update();
        try {
            jdbc.sql("insert into " + table + " (note) values ('a')").update();
            jdbc.sql("update " + table + " set note = 'b'").update();
            assertThat(jdbc.sql("select note from " + table).query(String.class).single()).isEqualTo("b");
            jdbc.sql("delete from " + table).update();
            refused("drop table " + table);
            refused("truncate " + table);
        } finally {
            owner.jdbc().sql("drop table " + table).update();
        }
    }

    @Test
    void theEmbeddedServerTakesPasswordLoginsOnLoopbackOnly() throws Exception {
        assertThat(owner.jdbc().sql("show listen_addresses").query(String.class).single()).isEqualTo("localhost");
        assertThat(owner.jdbc().sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
                .query(Long.class).single()).as("every rule asks for a password").isZero();
        Path password = Path.of("target/test-postgres", EmbeddedServer.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");

        Properties withoutPassword = new Properties();
        withoutPassword.setProperty("user", EmbeddedServer.SUPERUSER);
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), withoutPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        Properties wrong = new Properties();
        wrong.setProperty("user", EmbeddedServer.SUPERUSER);
        wrong.setProperty("password", "wrong");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), wrong).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private void refused(String statement) {
        assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageMatching("(?s).*(permission denied|must be owner).*");
    }
}
