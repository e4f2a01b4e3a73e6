package dk.kk.itassessment.policy;

import java.util.List;

/**
 * What the policy decided for one request, with the rule or table row behind every part. Values are the contract's
 * enum names; {@code portfolio} and {@code supplierAgreement} are the look-ups as the rules read them (a granted
 * permission past its end date is {@code EXPIRED}). {@code firedRules} names every rule that fired, in order, the
 * silent ones too (the explanation leaves those out): what the golden scenarios' coverage counts.
 */
public record Evaluation(
        String route,
        boolean newAcquisitionRequired,
        String securityReview,
        String riskTier,
        boolean dpiaRequired,
        List<String> dpiaCriteria,
        String portfolio,
        String supplierAgreement,
        Integer estimatedProcessingDays,
        List<Warning> warnings,
        List<Item> checklist,
        List<Explanation> explanation,
        String rulesetVersion,
        String rulesetFingerprint,
        List<String> firedRules) {

    /** The routes a decision can take (the contract's values; the route table may use no others). */
    public static final java.util.Set<String> ROUTES = Vocabulary.ROUTES;

    /** A Danish and an English text. */
    public record Text(String da, String en) {
    }

    public record Warning(String code, Text message, String rule) {
    }

    public record Item(String code, Text title, String responsible, String phase, boolean mandatory, String rule) {
    }

    /** One line of the explanation: the rule, where it is (file and line, or file, sheet and row), and what it says. */
    public record Explanation(String rule, String source, Text text) {
    }
}
