package dk.kk.itassessment.rulesets;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A stored rule-set version as the API shows it (CONTRACT.md, "Rule sets"): the files themselves are fetched by
 * table or as a bundle; {@code tables} names its decision tables.
 */
public record RuleSetVersion(
        String id,
        String fingerprint,
        Status status,
        boolean valid,
        String comment,
        String createdBy,
        Instant createdAt,
        String approvedBy,
        Instant approvedAt,
        String activatedBy,
        Instant activatedAt,
        String base,
        List<String> tables,
        JsonNode report) {

    public enum Status { DRAFT, ACTIVE, RETIRED, WITHDRAWN }

    public long number() {
        return Long.parseLong(id);
    }
}
