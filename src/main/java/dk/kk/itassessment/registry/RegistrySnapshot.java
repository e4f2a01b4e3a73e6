package dk.kk.itassessment.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole registry as it was at one {@linkplain #version() version}, in memory, for the assessments' look-ups:
 * the same answers as {@link Registry#lookup}'s statements give at that version, without a round trip to the
 * database. Whoever stores what was decided on it checks the version is still the current one (migration V23).
 */
public final class RegistrySnapshot {

    private final long version;
    /** Every name and alias of every entry, normalised (portfolio_names). */
    private final Map<String, PortfolioEntry> entriesByName;
    private final Map<String, List<PortfolioEntry>> grantedByCategory;
    private final Map<String, Supplier> suppliersByCvr;
    private final Map<String, Supplier> suppliersByName;

    /** {@code names}: every normalised name and alias and its entry's id; {@code suppliers} by normalised name. */
    RegistrySnapshot(long version, List<PortfolioEntry> entries, Map<String, UUID> names, Map<String, Supplier> suppliers) {
        this.version = version;
        Map<UUID, PortfolioEntry> byId = new HashMap<>();
        Map<String, List<PortfolioEntry>> granted = new HashMap<>();
        for (PortfolioEntry entry : entries) {
            byId.put(entry.id(), entry);
            if ("GRANTED".equals(entry.permission())) {
                granted.computeIfAbsent(entry.category(), c -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, PortfolioEntry> byName = new HashMap<>();
        names.forEach((name, id) -> byName.put(name, byId.get(id)));
        granted.replaceAll((category, list) -> list.stream()
                .sorted(PortfolioEntries.ALTERNATIVES_ORDER)
                .toList());
        Map<String, Supplier> byCvr = new HashMap<>();
        for (Supplier supplier : suppliers.values()) {
            if (supplier.cvr() != null) {
                byCvr.put(supplier.cvr(), supplier);
            }
        }
        this.entriesByName = Map.copyOf(byName);
        this.grantedByCategory = Map.copyOf(granted);
        this.suppliersByCvr = Map.copyOf(byCvr);
        this.suppliersByName = Map.copyOf(suppliers);
    }

    /** The registry's version these are the contents of (table registry_version). */
    public long version() {
        return version;
    }

    /** As {@link Registry#lookup}, on this version of the registry. */
    public Matches lookup(String solutionName, String supplierName, String supplierCvr, String category,
                         String institution, LocalDate today) {
        String solution = Names.normalise(solutionName);
        PortfolioEntry match = solution == null || solution.isEmpty() ? null : entriesByName.get(solution);
        List<Matches.Alternative> alternatives = new ArrayList<>();
        for (PortfolioEntry e : category == null ? List.<PortfolioEntry>of() : grantedByCategory.getOrDefault(category, List.of())) {
            boolean valid = e.permissionValidUntil() == null || !e.permissionValidUntil().isBefore(today);
            if (valid && (match == null || !e.id().equals(match.id()))) {
                alternatives.add(new Matches.Alternative(e.id(), e.name(), e.category()));
            }
        }
        String cvr = supplierCvr == null || supplierCvr.isBlank() ? null : supplierCvr.strip();
        String name = Names.normalise(supplierName);
        Supplier supplier = cvr == null ? null : suppliersByCvr.get(cvr);
        if (supplier == null && name != null && !name.isEmpty()) {
            supplier = suppliersByName.get(name);
        }
        return Registry.lookup(match, supplier, alternatives, solution, institution);
    }
}
