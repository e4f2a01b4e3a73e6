package dk.kk.itassessment.assessment;

import dk.kk.itassessment.policy.facts.Lookups;
import dk.kk.itassessment.registry.Matches;
import java.time.LocalDate;
import java.util.List;

/**
 * What the registry matched for one request ({@link Matches}) and the day it was looked up: kept with the assessment
 * (column {@code lookups}) so that the decision can be evaluated again exactly as it was made.
 */
public record RecordedMatches(LocalDate today, Matches.PortfolioMatch portfolio, Matches.SupplierMatch supplier,
                              List<Matches.Alternative> alternatives) {

    static RecordedMatches of(Matches matches, LocalDate today) {
        return new RecordedMatches(today, matches.portfolio(), matches.supplier(), matches.alternatives());
    }

    /** The matches as the rules see them. */
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
