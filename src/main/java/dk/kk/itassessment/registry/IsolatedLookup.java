package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The registry's own look-up ({@link Registry#lookup}), made among the given suppliers and portfolio entries only —
 * for a golden scenario, whose registry is part of the scenario. The entries go through the registry's own checks
 * and inserts into temporary tables named like the real ones, in a transaction of its own that is always rolled
 * back: PostgreSQL finds {@code pg_temp} first for the registry's unqualified table names, so the live registry is
 * neither read nor written, and nothing is left behind.
 */
@Service
public class IsolatedLookup {

    /** Every table the registry's statements name; each is shadowed. */
    private static final List<String> TABLES = List.of("suppliers", "portfolio_entries", "portfolio_names");

    private final Registry registry;
    private final Suppliers suppliers;
    private final PortfolioEntries portfolio;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IsolatedLookup(Registry registry, Suppliers suppliers, PortfolioEntries portfolio, JdbcClient jdbc,
                   PlatformTransactionManager transactions) {
        this.registry = registry;
        this.suppliers = suppliers;
        this.portfolio = portfolio;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The look-up {@link Registry#lookup} makes (same parameters) in a registry that holds just {@code entries}:
     * {@code {"suppliers": [...], "portfolio": [...]}}, each item as the registry's API takes it.
     *
     * @throws InvalidRequest naming every bad entry field, e.g. {@code suppliers[0].cvr}, or a name used twice
     */
    public Matches lookup(JsonNode entries, String solutionName, String supplierName, String supplierCvr,
                         String category, String institution, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<Supplier> supplierList = read(entries, "suppliers", SupplierFields::fromJson, errors);
        List<PortfolioEntry> entryList = read(entries, "portfolio", PortfolioFields::fromJson, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The registry has " + errors.size() + " invalid field(s).", errors);
        }
        return transaction.execute(status -> {
            status.setRollbackOnly();
            shadowTables();
            insert("suppliers", supplierList, suppliers::insert);
            insert("portfolio", entryList, portfolio::insert);
            return registry.lookup(solutionName, supplierName, supplierCvr, category, institution, today);
        });
    }

    /**
     * Empty temporary copies of the registry's tables, first on this transaction's search path. The path is also
     * set explicitly, not only left to pg_temp's implicit first place: PostgreSQL parses a cached prepared statement
     * again when the search path changes, so no statement this pooled connection prepared earlier can go on reading
     * the real table (the tests could not make one do so without it either; this keeps it from depending on that).
     */
    private void shadowTables() {
        for (String table : TABLES) {
            jdbc.sql("CREATE TEMP TABLE " + table + " (LIKE " + table + " INCLUDING ALL) ON COMMIT DROP").update();
        }
        jdbc.sql("SELECT set_config('search_path', 'pg_temp, ' || current_setting('search_path'), true)")
                .query(String.class).single();
    }

    /** A name or CVR used twice among the entries is a bad list, as the API would answer it. */
    private static <T> void insert(String list, List<T> entries, java.util.function.Consumer<T> insert) {
        try {
            entries.forEach(insert);
        } catch (Conflict e) {
            throw new InvalidRequest(list, e.getMessage());
        }
    }

    private static <T> List<T> read(JsonNode entries, String list, Function<JsonNode, T> reader,
                                    List<FieldError> errors) {
        JsonNode items = entries == null ? null : entries.get(list);
        List<T> read = new ArrayList<>();
        if (items == null || items.isNull()) {
            return read;
        }
        if (!items.isArray()) {
            errors.add(new FieldError(list, "must be an array"));
            return read;
        }
        for (int i = 0; i < items.size(); i++) {
            try {
                read.add(reader.apply(items.get(i)));
            } catch (InvalidRequest e) {
                String at = list + "[" + i + "]";
                e.errors().forEach(error -> errors.add(new FieldError(
                        error.field().equals("$") ? at : at + "." + error.field(), error.message())));
            }
        }
        return read;
    }
}
