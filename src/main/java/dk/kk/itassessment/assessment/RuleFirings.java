package dk.kk.itassessment.assessment;

import dk.kk.itassessment.assessment.store.AssessmentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often each rule of a rule-set version fired in the assessments it decided, counted from their stored
 * explanations: a policy officer sees which table rows carry the decisions and which never fire. Each distinct
 * explanation is read once (assessments that fired the same rules share it), so counting a month costs a grouped scan.
 */
@Service
public class RuleFirings {

    private final AssessmentStore store;
    private final JsonMapper json;

    RuleFirings(AssessmentStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * The number of assessments decided by {@code version} since {@code since} in whose explanation each source
     * appears, by source as the explanation names it ({@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}).
     */
    public Map<String, Long> bySource(String version, Instant since) {
        Map<String, Long> counts = new HashMap<>();
        for (AssessmentStore.Explanations stored : store.explanations(version, since)) {
            if (stored.explanation() == null) {
                continue;
            }
            JsonNode lines = json.readTree(stored.explanation());
            for (JsonNode line : lines) {
                JsonNode source = line.path("source");
                if (source.isString() && !source.asString().isEmpty()) {
                    counts.merge(source.asString(), stored.assessments(), Long::sum);
                }
            }
        }
        return counts;
    }
}
