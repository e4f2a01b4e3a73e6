package dk.kk.itassessment.assessment;

import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.registry.Matches;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An assessment as the API answers it (CONTRACT.md, "Assess a request"). For a preview {@code id},
 * {@code caseNumber} and {@code assessedAt} are null.
 */
@Schema(name = "Assessment")
public record AssessmentView(
        UUID id,
        @Schema(description = "The case the assessment opened, BUF-YYYY-NNNNN", example = "BUF-2026-00042")
        String caseNumber,
        Instant assessedAt,
        String route,
        boolean newAcquisitionRequired,
        String securityReview,
        String riskTier,
        boolean dpiaRequired,
        Integer estimatedProcessingDays,
        List<Evaluation.Warning> warnings,
        List<Evaluation.Item> checklist,
        List<Matches.Alternative> alternatives,
        LookupSummary lookups,
        List<Evaluation.Explanation> explanation,
        RuleSetRef ruleset,
        @Schema(description = "The request as received") JsonNode request) {

    /** What the look-ups found, as the rules read them. */
    public record LookupSummary(String portfolio, String supplierAgreement, boolean institutionConnected) {
    }

    /** The rule set that decided: its version and the SHA-256 fingerprint of its files. */
    public record RuleSetRef(String version, String fingerprint) {
    }

    static AssessmentView of(Evaluation evaluation, RecordedMatches matches, JsonNode request) {
        return new AssessmentView(null, null, null, evaluation.route(), evaluation.newAcquisitionRequired(),
                evaluation.securityReview(), evaluation.riskTier(), evaluation.dpiaRequired(),
                evaluation.estimatedProcessingDays(), evaluation.warnings(), evaluation.checklist(),
                matches.alternatives(),
                new LookupSummary(evaluation.portfolio(), evaluation.supplierAgreement(),
                        matches.portfolio() != null && matches.portfolio().institutionConnected()),
                evaluation.explanation(),
                new RuleSetRef(evaluation.rulesetVersion(), evaluation.rulesetFingerprint()),
                request);
    }

    AssessmentView stored(UUID id, String caseNumber, Instant assessedAt) {
        return new AssessmentView(id, caseNumber, assessedAt, route, newAcquisitionRequired, securityReview, riskTier,
                dpiaRequired, estimatedProcessingDays, warnings, checklist, alternatives, lookups, explanation,
                ruleset, request);
    }
}
