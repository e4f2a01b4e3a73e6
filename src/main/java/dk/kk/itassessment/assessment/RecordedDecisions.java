package dk.kk.itassessment.assessment;

import dk.kk.itassessment.assessment.store.AssessmentStore;
import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored decisions evaluated again: with the request as received and the look-ups as they were made (on the day they
 * were made), by any rule set. For replaying one assessment and for the impact of a draft on past requests.
 * Only the decision is compared, not the explanation (a row moved in a table changes the explanation, not the decision).
 */
@Service
public class RecordedDecisions {

    private final AssessmentStore store;
    private final JsonMapper json;
    private final RequestReader reader;
    private final PolicyEngine engine;

    RecordedDecisions(AssessmentStore store, JsonMapper json, RequestReader reader, PolicyEngine engine) {
        this.store = store;
        this.json = json;
        this.reader = reader;
        this.engine = engine;
    }

    /** A stored assessment, as far as evaluating it again needs: who decided and what, and the facts it was decided on. */
    public record Recorded(UUID id, java.time.Instant assessedAt, String rulesetVersion, String rulesetFingerprint, Decision decision,
                           String request, String lookups) {
    }

    /** The parts of a decision that matter to a requester; checklist items as {@code CODE (RESPONSIBLE, PHASE[, optional])}. */
    public record Decision(String route, boolean newAcquisitionRequired, String securityReview, String riskTier,
                           boolean dpiaRequired, Integer estimatedProcessingDays, List<String> warnings,
                           List<String> checklist) {

        static Decision of(Evaluation e) {
            return new Decision(e.route(), e.newAcquisitionRequired(), e.securityReview(), e.riskTier(),
                    e.dpiaRequired(), e.estimatedProcessingDays(),
                    e.warnings().stream().map(Evaluation.Warning::code).sorted().toList(),
                    e.checklist().stream().map(i -> item(i.code(), i.responsible(), i.phase(), i.mandatory()))
                            .sorted().toList());
        }

        /** From the stored decision column (codes, and the checklist as parallel arrays). */
        static Decision of(JsonNode stored) {
            List<String> warnings = new ArrayList<>();
            stored.path("warnings").forEach(code -> warnings.add(code.asString()));
            List<String> checklist = new ArrayList<>();
            JsonNode codes = stored.path("checklist");
            for (int i = 0; i < codes.size(); i++) {
                checklist.add(item(codes.get(i).asString(), stored.path("responsible").path(i).asString(),
                        stored.path("phase").path(i).asString(), stored.path("mandatory").path(i).asBoolean()));
            }
            JsonNode days = stored.path("estimatedProcessingDays");
            return new Decision(stored.path("route").asString(), stored.path("newAcquisitionRequired").asBoolean(),
                    stored.path("securityReview").asString(), stored.path("riskTier").asString(),
                    stored.path("dpiaRequired").asBoolean(), days.isNumber() ? Integer.valueOf(days.asInt()) : null,
                    warnings.stream().sorted().toList(), checklist.stream().sorted().toList());
        }

        private static String item(String code, String responsible, String phase, boolean mandatory) {
            return code + " (" + responsible + ", " + phase + (mandatory ? "" : ", optional") + ")";
        }

        /** What differs from {@code now}: each part with its recorded and its new value; lists as what was added and removed. */
        public List<Difference> differences(Decision now) {
            List<Difference> out = new ArrayList<>();
            same(out, "route", route, now.route);
            same(out, "newAcquisitionRequired", newAcquisitionRequired, now.newAcquisitionRequired);
            same(out, "securityReview", securityReview, now.securityReview);
            same(out, "riskTier", riskTier, now.riskTier);
            same(out, "dpiaRequired", dpiaRequired, now.dpiaRequired);
            same(out, "estimatedProcessingDays", estimatedProcessingDays, now.estimatedProcessingDays);
            list(out, "warnings", warnings, now.warnings);
            list(out, "checklist", checklist, now.checklist);
            return out;
        }

        private static void same(List<Difference> out, String part, Object recorded, Object now) {
            if (!Objects.equals(recorded, now)) {
                out.add(new Difference(part, recorded, now, null, null));
            }
        }

        private static void list(List<Difference> out, String part, List<String> recorded, List<String> now) {
            List<String> added = now.stream().filter(v -> !recorded.contains(v)).toList();
            List<String> removed = recorded.stream().filter(v -> !now.contains(v)).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                out.add(new Difference(part, null, null, added, removed));
            }
        }
    }

    /** One changed part: {@code recorded}/{@code now} for a value, {@code added}/{@code removed} for a list. */
    public record Difference(String part, Object recorded, Object now, List<String> added, List<String> removed) {
    }

    /** A stored assessment by its id as given in a path; empty for an unknown id or one that is no UUID. */
    public Optional<Recorded> find(String id) {
        return AssessmentStore.id(id).flatMap(store::recorded).map(this::recorded);
    }

    /**
     * Up to {@code limit} assessments, newest first, stored before {@code after} (the last of the page before; null
     * for the first page).
     */
    public List<Recorded> newest(int limit, Recorded after) {
        return store.newest(limit, after == null ? null : after.assessedAt(), after == null ? null : after.id())
                .stream().map(this::recorded).toList();
    }

    private Recorded recorded(AssessmentStore.Recorded row) {
        return new Recorded(row.id(), row.assessedAt(), row.rulesetVersion(), row.rulesetFingerprint(),
                Decision.of(json.readTree(row.decision())), row.request(), row.lookups());
    }

    /** The decision {@code ruleSet} makes for the recorded request and look-ups (the caller keeps the rule set open). */
    public Decision evaluate(RuleSet ruleSet, Recorded recorded) {
        RecordedMatches matches = json.readValue(recorded.lookups(), RecordedMatches.class);
        Evaluation evaluation = engine.evaluate(ruleSet,
                PolicyFacts.acquisition(reader.read(json.readTree(recorded.request()))), matches.facts());
        return Decision.of(evaluation);
    }
}
