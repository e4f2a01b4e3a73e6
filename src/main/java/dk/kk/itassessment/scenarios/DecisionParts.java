package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.registry.Matches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of a decision a scenario may pin, under the names the answer gives them, in the shape a scenario writes
 * them (as ../shared/examples do): warnings and checklist by code, alternatives by name, all as sets;
 * {@code checklistResponsible} maps an item's code to its responsible party, for the items the scenario names.
 */
final class DecisionParts {

    static final List<String> NAMES = List.of("route", "newAcquisitionRequired", "securityReview", "riskTier",
            "dpiaRequired", "dpiaCriteria", "estimatedProcessingDays", "warnings", "checklist", "alternatives",
            "lookups", "checklistResponsible");

    /** The parts whose values are compared as sets. */
    private static final Set<String> SETS = Set.of("dpiaCriteria", "warnings", "checklist", "alternatives");

    private final JsonMapper json;
    private final ObjectNode actual;
    private final Map<String, String> responsible;

    DecisionParts(JsonMapper json, Evaluation evaluation, Matches lookup) {
        this.json = json;
        this.actual = json.createObjectNode();
        actual.put("route", evaluation.route());
        actual.put("newAcquisitionRequired", evaluation.newAcquisitionRequired());
        actual.put("securityReview", evaluation.securityReview());
        actual.put("riskTier", evaluation.riskTier());
        actual.put("dpiaRequired", evaluation.dpiaRequired());
        actual.set("dpiaCriteria", sorted(evaluation.dpiaCriteria()));
        actual.put("estimatedProcessingDays", evaluation.estimatedProcessingDays());
        actual.set("warnings", sorted(evaluation.warnings().stream().map(Evaluation.Warning::code).toList()));
        actual.set("checklist", sorted(evaluation.checklist().stream().map(Evaluation.Item::code).toList()));
        actual.set("alternatives", sorted(lookup.alternatives().stream().map(Matches.Alternative::name).toList()));
        ObjectNode lookups = actual.putObject("lookups");
        lookups.put("portfolio", evaluation.portfolio());
        lookups.put("supplierAgreement", evaluation.supplierAgreement());
        lookups.put("institutionConnected", lookup.portfolio() != null && lookup.portfolio().institutionConnected());
        this.responsible = new java.util.HashMap<>();
        evaluation.checklist().forEach(item -> responsible.put(item.code(), item.responsible()));
    }

    /** Each part of {@code expected} whose value differs from the decision's, in the order the scenario names them. */
    List<ScenarioReport.Difference> differences(ObjectNode expected) {
        List<ScenarioReport.Difference> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> part : expected.properties()) {
            JsonNode want = SETS.contains(part.getKey()) ? asSet(part.getValue()) : part.getValue();
            JsonNode got = part.getKey().equals("checklistResponsible") ? responsibleFor(part.getValue())
                    : actual.get(part.getKey());
            if (!want.equals(got)) {
                differences.add(new ScenarioReport.Difference(part.getKey(), want, got));
            }
        }
        return differences;
    }

    /** The responsible party of each item {@code expected} names (null for an item not on the checklist). */
    private JsonNode responsibleFor(JsonNode expected) {
        ObjectNode got = json.createObjectNode();
        expected.propertyNames().forEach(code -> got.put(code, responsible.get(code)));
        return got;
    }

    /** An array of strings, sorted; anything else as it is (it will differ, and the difference shows why). */
    private JsonNode asSet(JsonNode value) {
        if (!value.isArray() || !value.values().stream().allMatch(JsonNode::isString)) {
            return value;
        }
        return sorted(value.values().stream().map(JsonNode::asString).toList());
    }

    private ArrayNode sorted(Collection<String> values) {
        ArrayNode array = json.createArrayNode();
        values.stream().sorted().distinct().forEach(array::add);
        return array;
    }
}
