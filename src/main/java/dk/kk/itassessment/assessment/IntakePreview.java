package dk.kk.itassessment.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live preview beside the intake form shows, read from the preview's answer (the same JSON as
 * {@code POST /api/v1/assessments/preview}) in the page's language: the route, the estimated days, the review
 * level, the warnings, the checklist by phase with who does what, and similar permitted solutions. While the form
 * is not complete enough to decide, {@code missing} names the fields still to fill in (their paths).
 */
record IntakePreview(boolean complete, List<String> missing, String route, boolean newAcquisitionRequired,
                     String review, String risk, boolean dpia, Integer days, List<String> warnings,
                     List<Phase> phases, List<Alternative> alternatives) {

    /** The checklist's items of one phase, in their order. */
    record Phase(String phase, List<Item> items) {
    }

    /** One thing to do: its title, who does it ({@code responsible.<code>}), whether it must be done. */
    record Item(String title, String responsible, boolean mandatory) {
    }

    record Alternative(String name, String category) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static IntakePreview incomplete(List<String> missing) {
        return new IntakePreview(false, List.copyOf(missing), null, false, null, null, false, null, List.of(),
                List.of(), List.of());
    }

    /** The preview of {@code answer} (an assessment's JSON) in the language of {@code locale}. */
    static IntakePreview of(String answer, Locale locale) {
        JsonNode view = JSON.readTree(answer);
        String language = "en".equals(locale.getLanguage()) ? "en" : "da";
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : view.path("warnings")) {
            warnings.add(warning.path("message").path(language).asString(""));
        }
        Map<String, List<Item>> byPhase = new LinkedHashMap<>();
        for (JsonNode item : view.path("checklist")) {
            byPhase.computeIfAbsent(item.path("phase").asString(""), p -> new ArrayList<>())
                    .add(new Item(item.path("title").path(language).asString(""), item.path("responsible").asString(""),
                            item.path("mandatory").asBoolean(false)));
        }
        List<Phase> phases = byPhase.entrySet().stream().map(e -> new Phase(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode alternative : view.path("alternatives")) {
            alternatives.add(new Alternative(alternative.path("name").asString(""),
                    alternative.path("category").asString(null)));
        }
        JsonNode days = view.path("estimatedProcessingDays");
        return new IntakePreview(true, List.of(), view.path("route").asString(), view.path("newAcquisitionRequired")
                .asBoolean(false), view.path("securityReview").asString(), view.path("riskTier").asString(),
                view.path("dpiaRequired").asBoolean(false), days.isNumber() ? days.asInt() : null,
                List.copyOf(warnings), phases, List.copyOf(alternatives));
    }
}
