package dk.kk.itassessment.registry;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code assessment.demo-data=true}, loads the demo suppliers and portfolio from {@code data/suppliers.csv} and
 * {@code data/portfolio.csv} (folder: {@code assessment.demo-data-dir}) at start-up. Upserts by name (and CVR), so a
 * restart changes nothing; a file that is missing is skipped with a warning, a file with a bad line stops the start.
 */
@Component
@Conditional(DemoData.Wanted.class)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final SupplierImport supplierImport;
    private final PortfolioEntries portfolio;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Path dir;
    private final JdbcClient jdbc;

    DemoData(SupplierImport supplierImport, PortfolioEntries portfolio, TransactionTemplate transaction,
             AuditTrail audit, @Value("${assessment.demo-data-dir:data}") Path dir, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.supplierImport = supplierImport;
        this.portfolio = portfolio;
        this.transaction = transaction;
        this.audit = audit;
        this.dir = dir;
    }

    /**
     * Loads the demo files into an empty registry only: once anything is registered (the demo data of an earlier
     * start, or what people entered), a restart changes nothing — a permission an officer revoked stays revoked.
     */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean empty = jdbc.sql("select not exists (select 1 from suppliers) and not exists (select 1 from portfolio_entries)")
                .query(Boolean.class).single();
        if (!empty) {
            log.info("Demo data not loaded: the registry is not empty");
            return;
        }
        String suppliers = read("suppliers.csv");
        if (suppliers != null) {
            SupplierImport.Imported result = supplierImport.importCsv(suppliers);
            log.info("Demo suppliers: {} created, {} updated", result.created(), result.updated());
        }
        String entries = read("portfolio.csv");
        if (entries != null) {
            int loaded = transaction.execute(status -> loadPortfolio(entries));
            log.info("Demo portfolio: {} entries loaded", loaded);
        }
    }

    private String read(String file) throws IOException {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            log.warn("No demo data in {}: the file does not exist", path.toAbsolutePath());
            return null;
        }
        return Csv.decode(Files.readAllBytes(path));
    }

    /** Each line updates the entry with its name (or an alias), else creates one. */
    private int loadPortfolio(String csv) {
        List<Csv.Row> rows = Csv.parse(csv);
        if (rows.isEmpty() || !PortfolioFields.PROPERTIES.equals(rows.get(0).fields())) {
            throw new IllegalStateException(dir.resolve("portfolio.csv") + ": the first line must be "
                    + String.join(",", PortfolioFields.PROPERTIES));
        }
        List<FieldError> errors = new ArrayList<>();
        int loaded = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.error() != null || row.fields().size() != PortfolioFields.PROPERTIES.size()) {
                errors.add(new FieldError("line " + row.line(), row.error() != null ? row.error()
                        : "must have " + PortfolioFields.PROPERTIES.size() + " fields"));
                continue;
            }
            int before = errors.size();
            PortfolioEntry entry = PortfolioFields.fromCsv(new Fields("line " + row.line() + ": ", errors),
                    row.fields());
            if (errors.size() > before) {
                continue;
            }
            portfolio.findByName(entry.name()).ifPresentOrElse(
                    existing -> portfolio.update(existing.id(), entry),
                    () -> portfolio.insert(entry));
            loaded++;
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(dir.resolve("portfolio.csv") + " has bad lines: " + errors, errors);
        }
        audit.record(Actors.current(), "portfolio.loaded", "portfolio", Map.of("entries", loaded));
        return loaded;
    }

    /** {@code assessment.demo-data} when set; else on with the embedded database and off with an external one. */
    static final class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String demo = env.getProperty("assessment.demo-data");
            if (demo != null && !demo.isBlank()) {
                return Boolean.parseBoolean(demo.strip());
            }
            String url = env.getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
