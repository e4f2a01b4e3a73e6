package dk.kk.itassessment.assessment;

import dk.kk.itassessment.policy.facts.Lookups;
import dk.kk.itassessment.registry.Lookup;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the registry look-ups found for one request, and the day they were made: kept with the assessment so the
 * decision can be evaluated again exactly as it was made.
 */
public record StoredLookups(LocalDate today, Portfolio portfolio, Supplier supplier, List<Alternative> alternatives) {

    record Portfolio(UUID id, String name, String permission, LocalDate permissionValidUntil,
                     boolean institutionConnected) {
    }

    record Supplier(UUID id, String name, String agreement, LocalDate agreementValidUntil, boolean coversSolution) {
    }

    /** A portfolio entry with a permission to use in the same category. */
    public record Alternative(UUID id, String name, String category) {
    }

    static StoredLookups of(Lookup lookup, LocalDate today) {
        Lookup.PortfolioMatch p = lookup.portfolio();
        Lookup.SupplierMatch s = lookup.supplier();
        return new StoredLookups(today,
                p == null ? null : new Portfolio(p.id(), p.name(), p.permission(), p.permissionValidUntil(), p.institutionConnected()),
                s == null ? null : new Supplier(s.id(), s.name(), s.agreement(), s.agreementValidUntil(), s.coversSolution()),
                lookup.alternatives().stream().map(a -> new Alternative(a.id(), a.name(), a.category())).toList());
    }

    /** The look-ups as the rules see them. */
    Lookups facts() {
        return new Lookups(
                portfolio == null ? "NONE" : portfolio.permission(),
                portfolio == null ? null : portfolio.permissionValidUntil(),
                portfolio != null && portfolio.institutionConnected(),
                supplier == null ? "NONE" : supplier.agreement(),
                supplier == null ? null : supplier.agreementValidUntil(),
                supplier != null && supplier.coversSolution(),
                alternatives.size(),
                today);
    }
}
