package dk.kk.itassessment.registry;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The look-up the assessment makes before it evaluates the policy: two statements of indexed look-ups (the
 * portfolio's and the suppliers'), sent together in one round trip, names compared as {@link Names} does.
 */
@Service
public class Registry {

    private final NamedParameterJdbcTemplate jdbc;

    Registry(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param solutionName the requested solution's name (matched against portfolio names and aliases)
     * @param supplierName the supplier's name (used when no supplier has {@code supplierCvr})
     * @param supplierCvr  the supplier's CVR, or null
     * @param category     the solution's category (for the alternatives), or null for none
     * @param institution  the requester's institution, or null
     * @param today        the day the alternatives' permissions must still be valid on
     */
    public Lookup lookup(String solutionName, String supplierName, String supplierCvr, String category,
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
        PortfolioEntries.Found found = both.found();
        PortfolioEntry entry = found.match();
        Lookup.PortfolioMatch portfolioMatch = entry == null ? null : new Lookup.PortfolioMatch(entry.id(),
                entry.name(), entry.permission(), entry.permissionValidUntil(),
                contains(entry.connectedInstitutions(), Names.normalise(institution)));

        Supplier supplier = both.supplier();
        Lookup.SupplierMatch supplierMatch = supplier == null ? null : new Lookup.SupplierMatch(supplier.id(),
                supplier.name(), supplier.agreement(), supplier.agreementValidUntil(),
                contains(supplier.coveredSystems(), solution));

        return new Lookup(portfolioMatch, supplierMatch, found.alternatives());
    }

    private static boolean contains(List<String> names, String normalised) {
        return present(normalised) && names.stream().map(Names::normalise).anyMatch(normalised::equals);
    }

    private static boolean present(String normalised) {
        return normalised != null && !normalised.isEmpty();
    }
}
