package dk.kk.itassessment.registry;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-up the assessment makes before it evaluates the policy, in two forms: {@link #lookup}, two statements
 * of indexed look-ups (the portfolio's and the suppliers') sent together in one round trip, in the caller's
 * transaction; and {@link #snapshot()}, the whole registry in memory at one version, which stored assessments use
 * (their insert checks the version is still current, migration V23). Names are compared as {@link Names} does.
 */
@Service
public class Registry {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate consistentRead;
    private final AtomicReference<RegistrySnapshot> snapshot = new AtomicReference<>();

    Registry(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
    }

    /** The registry in memory, at the newest version this instance has read (read at the first call). */
    public RegistrySnapshot snapshot() {
        RegistrySnapshot current = snapshot.get();
        return current != null ? current : newerThan(-1);
    }

    /**
     * A snapshot newer than {@code version}, which is no longer the registry's: read again unless another caller
     * has just done so.
     */
    public synchronized RegistrySnapshot newerThan(long version) {
        RegistrySnapshot current = snapshot.get();
        if (current != null && current.version() > version) {
            return current;
        }
        RegistrySnapshot read = consistentRead.execute(status -> read());
        snapshot.set(read);
        return read;
    }

    /** Every entry, name and supplier, and the version they are (in one repeatable-read transaction). */
    private RegistrySnapshot read() {
        var none = new MapSqlParameterSource();
        Long version = jdbc.queryForObject("select version from registry_version", none, Long.class);
        List<PortfolioEntry> entries = jdbc.query(PortfolioEntries.ALL, none, PortfolioEntries::row);
        Map<String, UUID> names = new HashMap<>();
        jdbc.query("select normalised_name, entry_id from portfolio_names", none,
                rs -> { names.put(rs.getString(1), rs.getObject(2, UUID.class)); });
        Map<String, Supplier> suppliers = new HashMap<>();
        jdbc.query(Suppliers.ALL, none, rs -> { suppliers.put(rs.getString("normalised_name"), Suppliers.row(rs, 0)); });
        return new RegistrySnapshot(Objects.requireNonNull(version, "registry_version"), entries, names, suppliers);
    }

    /**
     * @param solutionName the requested solution's name (matched against portfolio names and aliases)
     * @param supplierName the supplier's name (used when no supplier has {@code supplierCvr})
     * @param supplierCvr  the supplier's CVR, or null
     * @param category     the solution's category (for the alternatives), or null for none
     * @param institution  the requester's institution, or null
     * @param today        the day the alternatives' permissions must still be valid on
     */
    public Matches lookup(String solutionName, String supplierName, String supplierCvr, String category,
                         String institution, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String solution = Names.normalise(solutionName);

        MapSqlParameterSource parameters = new MapSqlParameterSource();
        PortfolioEntries.lookupParameters(parameters, present(solution) ? solution : null, category, today);
        Suppliers.lookupParameters(parameters, supplierCvr, supplierName);
        // one prepared statement holding both: the driver sends them together and answers with two result sets
        record Both(PortfolioEntries.Found found, Supplier supplier) {
        }
        Both both = jdbc.execute(PortfolioEntries.LOOKUP + ";\n" + Suppliers.LOOKUP, parameters, statement -> {
            if (!statement.execute()) {
                throw new IllegalStateException("The portfolio's look-up returned no result set");
            }
            PortfolioEntries.Found portfolio;
            try (ResultSet rs = statement.getResultSet()) {
                portfolio = PortfolioEntries.found(rs);
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The suppliers' look-up returned no result set");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return new Both(portfolio, Suppliers.found(rs));
            }
        });
        return lookup(both.found().match(), both.supplier(), both.found().alternatives(), solution, institution);
    }

    /** The look-up's answer from the entry and the supplier found ({@code solution} normalised). */
    static Matches lookup(PortfolioEntry entry, Supplier supplier, List<Matches.Alternative> alternatives,
                         String solution, String institution) {
        Matches.PortfolioMatch portfolioMatch = entry == null ? null : new Matches.PortfolioMatch(entry.id(),
                entry.name(), entry.permission(), entry.permissionValidUntil(),
                contains(entry.connectedInstitutions(), Names.normalise(institution)));
        Matches.SupplierMatch supplierMatch = supplier == null ? null : new Matches.SupplierMatch(supplier.id(),
                supplier.name(), supplier.agreement(), supplier.agreementValidUntil(),
                contains(supplier.coveredSystems(), solution));
        return new Matches(portfolioMatch, supplierMatch, alternatives);
    }

    private static boolean contains(List<String> names, String normalised) {
        return present(normalised) && names.stream().map(Names::normalise).anyMatch(normalised::equals);
    }

    private static boolean present(String normalised) {
        return normalised != null && !normalised.isEmpty();
    }
}
