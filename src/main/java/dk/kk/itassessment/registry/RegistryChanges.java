package dk.kk.itassessment.registry;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.NotFound;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An ADMIN's change of a portfolio entry or a supplier and its audit entry, committed together, for the API
 * ({@code PUT /api/v1/portfolio/{id}}, {@code PUT /api/v1/suppliers/{id}}) and the registry page alike, so that a
 * change made in the browser is the change the API makes. Names stay out of the trail, which cannot be edited.
 */
@Service
class RegistryChanges {

    private final PortfolioEntries portfolio;
    private final Suppliers suppliers;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    RegistryChanges(PortfolioEntries portfolio, Suppliers suppliers, AuditTrail audit, TransactionTemplate transaction) {
        this.portfolio = portfolio;
        this.suppliers = suppliers;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Replaces every field of the entry {@code id}; {@code notFound} when there is none. */
    PortfolioEntry replacePortfolioEntry(UUID id, PortfolioEntry entry, java.util.function.Supplier<NotFound> notFound) {
        return transaction.execute(status -> {
            PortfolioEntry updated = portfolio.update(id, entry).orElseThrow(notFound);
            audit.record(Actors.current(), "portfolio.updated", "portfolio/" + id,
                    Map.of("category", updated.category(), "permission", updated.permission()));
            return updated;
        });
    }

    /** Replaces every field of the supplier {@code id}; {@code notFound} when there is none. */
    Supplier replaceSupplier(UUID id, Supplier supplier, java.util.function.Supplier<NotFound> notFound) {
        return transaction.execute(status -> {
            Supplier updated = suppliers.update(id, supplier).orElseThrow(notFound);
            audit.record(Actors.current(), "supplier.updated", "supplier/" + id, Map.of("agreement", updated.agreement()));
            return updated;
        });
    }
}
