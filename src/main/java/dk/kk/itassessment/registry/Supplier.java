package dk.kk.itassessment.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A supplier and its data processing agreement: the contract's body plus {@code id} (null until stored). */
record Supplier(UUID id, String name, String cvr, String agreement, LocalDate agreementValidUntil,
                List<String> coveredSystems) {

    static final List<String> AGREEMENTS = List.of("ACTIVE", "EXPIRED", "NONE");

    Supplier withId(UUID id) {
        return new Supplier(id, name, cvr, agreement, agreementValidUntil, coveredSystems);
    }
}
