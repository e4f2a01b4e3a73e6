package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The shipped demo files load into an empty registry, and a second start changes nothing (the tests' context has demo data off). */
@IntegrationTest
class DemoDataTests {

    @Autowired
    SupplierImport supplierImport;

    @Autowired
    PortfolioEntries portfolio;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registry registry;

    @Autowired
    RegistryFixtures fixtures;

    @AfterEach
    void removeTheDemoData() {
        fixtures.clear();
    }

    @Test
    void theDemoFilesLoadAndLoadingThemAgainChangesNothing() throws Exception {
        fixtures.clear();
        DemoData demoData = new DemoData(supplierImport, portfolio, transaction, audit, Path.of("data"), jdbc);

        demoData.run(null);
        long suppliers = count("suppliers");
        long entries = count("portfolio_entries");
        jdbc.sql("UPDATE portfolio_entries SET permission = 'REVOKED' WHERE name = 'Meebook'").update();
        demoData.run(null);

        assertThat(suppliers).isEqualTo(6);
        assertThat(entries).isEqualTo(11);
        assertThat(count("suppliers")).isEqualTo(suppliers);
        assertThat(count("portfolio_entries")).isEqualTo(entries);
        Matches lookup = registry.lookup("Skolesoft Fravær", "Skolesoft ApS", "13585628", "TEACHING",
                "Valby Skole", LocalDate.of(2026, 11, 27));
        assertThat(lookup.supplier().coversSolution()).isTrue();
        assertThat(lookup.alternatives()).extracting(Matches.Alternative::name)
                .as("what an officer changed stays changed").containsExactly("Kahoot!", "Matematikfessor", "MinUddannelse");
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
