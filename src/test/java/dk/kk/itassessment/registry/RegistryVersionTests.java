package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration V23: the registry's version, raised by every registry statement, taken before any registry row. */
@IntegrationTest
class RegistryVersionTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStatementThatWritesToTheRegistryRaisesTheVersion() {
        long before = version();
        UUID id = supplier();
        jdbc.sql("update suppliers set agreement = 'EXPIRED' where id = :id").param("id", id).update();
        jdbc.sql("delete from suppliers where id = :id").param("id", id).update();
        assertThat(version()).isEqualTo(before + 3);
    }

    /**
     * A long registry transaction (an import: one statement per row) and a single edit of a row it reaches later
     * wait for each other, one after the other; they do not deadlock (with the version raised after each statement,
     * the edit held its row while waiting for the version, and the import held the version while reaching that row).
     */
    @Test
    void anImportAndAnEditOfARowItReachesLaterDoNotDeadlock() throws Exception {
        UUID first = supplier();
        UUID later = supplier();
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            touch(importing, first);
            CompletableFuture<Void> edit = CompletableFuture.runAsync(() -> {
                try (Connection editing = dataSource.getConnection()) {
                    touch(editing, later); // autocommit: waits for the import's commit
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the edit is waiting now (for the version's row, or with the AFTER trigger: holding its own)
            touch(importing, later);
            importing.commit();
            edit.get(10, TimeUnit.SECONDS); // a deadlock would have failed one of the two
        }
    }

    private static void touch(Connection connection, UUID supplier) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update suppliers set name = name where id = ?")) {
            update.setObject(1, supplier);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private UUID supplier() {
        UUID id = UUID.randomUUID();
        String name = "Versionstest " + id;
        jdbc.sql("insert into suppliers (id, name, normalised_name, agreement) values (:id, :name, lower(:name), 'NONE')")
                .param("id", id).param("name", name).update();
        return id;
    }

    private long version() {
        return jdbc.sql("select version from registry_version").query(Long.class).single();
    }
}
