package dk.kk.itassessment.registry;

import dk.kk.itassessment.audit.AuditTrail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a decided acquisition tells the registry (CONTRACT.md "Cases", the registry part): an acquisition under way,
 * a permission granted or refused, an institution connected, a supplier's agreement covering a system. Each change
 * is made in the caller's transaction (it must be: the case's change and the registry's commit together) and audited
 * there like a change through the registry's own API, with the case as {@code reason}. Entries are found by name or
 * alias as POLICY.md compares names; suppliers by CVR, else by name.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Outcomes {

    /** The solution a case is about, as its request named it. */
    public record Solution(String name, String supplierName, String supplierCvr, String category) {
    }

    /** What was changed: {@code action} as in the audit trail ({@code portfolio.created}, …) and the row's id. */
    public record Change(String action, UUID id) {
    }

    private final PortfolioEntries portfolio;
    private final Suppliers suppliers;
    private final AuditTrail audit;

    Outcomes(PortfolioEntries portfolio, Suppliers suppliers, AuditTrail audit) {
        this.portfolio = portfolio;
        this.suppliers = suppliers;
        this.audit = audit;
    }

    /** A {@code PENDING} entry for the solution when the portfolio has none; empty when it has one. */
    public Optional<Change> registerPending(Solution solution, String actor, String reason) {
        if (portfolio.findByName(solution.name()).isPresent()) {
            return Optional.empty();
        }
        PortfolioEntry created = portfolio.insert(new PortfolioEntry(null, solution.name().strip(), List.of(),
                solution.supplierName().strip(), solution.supplierCvr(), solution.category(), "PENDING", null, List.of()));
        return Optional.of(audited(actor, "portfolio.created", created, reason));
    }

    /**
     * The solution's entry (created when none) with permission {@code GRANTED} until {@code validUntil} (null: no
     * end) and {@code institution} among its connected institutions.
     */
    public Change grant(Solution solution, LocalDate validUntil, String institution, String actor, String reason) {
        return save(solution, "GRANTED", validUntil, true, institution, actor, reason);
    }

    /** {@code institution} among the connected institutions of the solution's entry (created {@code GRANTED} when none). */
    public Change connect(Solution solution, String institution, String actor, String reason) {
        return save(solution, null, null, false, institution, actor, reason);
    }

    /** The solution's entry (created when none) with permission {@code REFUSED}. */
    public Change refuse(Solution solution, String actor, String reason) {
        return save(solution, "REFUSED", null, true, null, actor, reason);
    }

    /**
     * The solution's supplier (created when none) with an {@code ACTIVE} agreement whose covered systems include
     * the solution; an end date it had stays.
     */
    public Change coverSystem(Solution solution, String actor, String reason) {
        Optional<Supplier> found = solution.supplierCvr() != null ? suppliers.findByCvr(solution.supplierCvr())
                : Optional.empty();
        if (found.isEmpty()) {
            found = suppliers.findByName(solution.supplierName());
        }
        String system = solution.name().strip();
        if (found.isEmpty()) {
            Supplier created = suppliers.insert(new Supplier(null, solution.supplierName().strip(),
                    solution.supplierCvr(), "ACTIVE", null, List.of(system)));
            return supplierAudited(actor, "supplier.created", created, reason);
        }
        Supplier had = found.get();
        List<String> covered = new ArrayList<>(had.coveredSystems());
        if (covered.stream().map(Names::normalise).noneMatch(Names.normalise(system)::equals)) {
            covered.add(system);
        }
        Supplier updated = new Supplier(had.id(), had.name(), had.cvr(), "ACTIVE",
                "ACTIVE".equals(had.agreement()) ? had.agreementValidUntil() : null, covered);
        suppliers.update(had.id(), updated);
        return supplierAudited(actor, "supplier.updated", updated, reason);
    }

    /** Removes the entry {@code id} if it is still {@code PENDING}; false when it is gone or has a decision. */
    public boolean removePending(UUID id, String actor, String reason) {
        Optional<PortfolioEntry> entry = portfolio.find(id).filter(e -> e.permission().equals("PENDING"));
        if (entry.isEmpty() || !portfolio.delete(id)) {
            return false;
        }
        audit.record(actor, "portfolio.deleted", "portfolio/" + id, Map.of("reason", reason));
        return true;
    }

    private Change save(Solution solution, String permission, LocalDate validUntil, boolean setPermission,
                        String institution, String actor, String reason) {
        Optional<PortfolioEntry> found = portfolio.findByName(solution.name());
        if (found.isEmpty()) {
            PortfolioEntry created = portfolio.insert(new PortfolioEntry(null, solution.name().strip(), List.of(),
                    solution.supplierName().strip(), solution.supplierCvr(), solution.category(),
                    permission == null ? "GRANTED" : permission, validUntil,
                    institution == null ? List.of() : List.of(institution.strip())));
            return audited(actor, "portfolio.created", created, reason);
        }
        PortfolioEntry had = found.get();
        List<String> connected = new ArrayList<>(had.connectedInstitutions());
        if (institution != null && connected.stream().map(Names::normalise).noneMatch(Names.normalise(institution)::equals)) {
            connected.add(institution.strip());
        }
        PortfolioEntry updated = new PortfolioEntry(had.id(), had.name(), had.aliases(), had.supplierName(),
                had.supplierCvr(), had.category(), setPermission ? permission : had.permission(),
                setPermission ? validUntil : had.permissionValidUntil(), connected);
        portfolio.update(had.id(), updated);
        return audited(actor, "portfolio.updated", updated, reason);
    }

    private Change audited(String actor, String action, PortfolioEntry entry, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("category", entry.category());
        details.put("permission", entry.permission());
        details.put("reason", reason);
        audit.record(actor, action, "portfolio/" + entry.id(), details);
        return new Change(action, entry.id());
    }

    private Change supplierAudited(String actor, String action, Supplier supplier, String reason) {
        audit.record(actor, action, "supplier/" + supplier.id(), Map.of("agreement", supplier.agreement(), "reason", reason));
        return new Change(action, supplier.id());
    }
}
