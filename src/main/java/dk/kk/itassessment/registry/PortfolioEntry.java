package dk.kk.itassessment.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A system in the portfolio (FISKK): the contract's body plus {@code id} (null until stored). */
record PortfolioEntry(UUID id, String name, List<String> aliases, String supplierName, String supplierCvr,
                      String category, String permission, LocalDate permissionValidUntil,
                      List<String> connectedInstitutions) {

    static final List<String> CATEGORIES = List.of("TEACHING", "WELLBEING", "ADMINISTRATIVE", "LINE_OF_BUSINESS",
            "INFRASTRUCTURE", "UTILITY");
    static final List<String> PERMISSIONS = List.of("GRANTED", "PENDING", "REFUSED", "REVOKED", "EXPIRED");

    PortfolioEntry withId(UUID id) {
        return new PortfolioEntry(id, name, aliases, supplierName, supplierCvr, category, permission,
                permissionValidUntil, connectedInstitutions);
    }

    /** The name and the aliases: each is unique among all entries' names and aliases. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        return names;
    }
}
