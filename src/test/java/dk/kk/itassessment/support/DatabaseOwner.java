package dk.kk.itassessment.support;

import dk.kk.itassessment.platform.EmbeddedServer;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schema's owner (the embedded server's superuser, who runs the migrations), for the tests that do what the
 * service's own role may not: make and drop tables, switch the audit trail's triggers off to tamper with it, check
 * what the triggers refuse even the owner. Everything else goes through the service's {@link JdbcClient}.
 */
public record DatabaseOwner(JdbcClient jdbc, TransactionTemplate transaction) {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        DatabaseOwner databaseOwner(EmbeddedServer server) {
            DataSource owner = server.ownerDataSource();
            return new DatabaseOwner(JdbcClient.create(owner),
                    new TransactionTemplate(new DataSourceTransactionManager(owner)));
        }
    }
}
