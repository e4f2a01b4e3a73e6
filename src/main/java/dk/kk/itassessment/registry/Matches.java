package dk.kk.itassessment.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the registry knows about a request, before the policy is evaluated (POLICY.md, "Facts the rules see").
 * Values are raw, as stored: whether a GRANTED permission or an ACTIVE agreement has run out is the rules' to say.
 *
 * @param portfolio    the entry whose name or an alias equals the solution's name; null when none does
 * @param supplier     the supplier with the request's CVR, else with its name; null when none
 * @param alternatives entries of the same category with a GRANTED permission that has not run out, other than the
 *                     matched entry, sorted by name
 */
public record Matches(PortfolioMatch portfolio, SupplierMatch supplier, List<Alternative> alternatives) {

    public Matches {
        alternatives = List.copyOf(alternatives);
    }

    /** @param institutionConnected the requester's institution is one of the entry's connected institutions */
    public record PortfolioMatch(UUID id, String name, String permission, LocalDate permissionValidUntil,
                                 boolean institutionConnected) {
    }

    /** @param coversSolution the solution's name is one of the supplier's covered systems */
    public record SupplierMatch(UUID id, String name, String agreement, LocalDate agreementValidUntil,
                                boolean coversSolution) {
    }

    public record Alternative(UUID id, String name, String category) {
    }
}
