package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSource;
import dk.kk.itassessment.registry.Matches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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
 * {@code checklistResponsible} maps an item's code to its responsible party, for the items the scenario names. For a
 * part that differs it names the table rows that decide it now: the route's row for the route (and its days), the
 * review level's row for the review (and the days it adds), the risk tier's row, and the rows of the warnings and
 * checklist items that differ and are there now. (The sheets are the template's, which no upload may change.)
 */
final class DecisionParts {

    static final List<String> NAMES = List.of("route", "newAcquisitionRequired", "securityReview", "riskTier",
            "dpiaRequired", "dpiaCriteria", "estimatedProcessingDays", "warnings", "checklist", "alternatives",
            "lookups", "checklistResponsible");

    /** The sheets whose rows decide a part (the other parts are decided in DRL, rules/). */
    private static final Map<String, List<String>> DECIDED_IN = Map.of(
            "route", List.of("Routes"), "newAcquisitionRequired", List.of("Routes"),
            "estimatedProcessingDays", List.of("Routes", "ReviewLevels"),
            "securityReview", List.of("ReviewLevels"), "riskTier", List.of("RiskTier"));

    /** The parts whose values are compared as sets. */
    private static final Set<String> SETS = Set.of("dpiaCriteria", "warnings", "checklist", "alternatives");

    private final JsonMapper json;
    private final RuleSet ruleSet;
    private final Evaluation evaluation;
    private final ObjectNode actual;
    private final Map<String, String> responsible;

    DecisionParts(JsonMapper json, RuleSet ruleSet, Evaluation evaluation, Matches lookup) {
        this.json = json;
        this.ruleSet = ruleSet;
        this.evaluation = evaluation;
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
                differences.add(new ScenarioReport.Difference(part.getKey(), want, got, decidedBy(part.getKey(), want, got)));
            }
        }
        return differences;
    }

    /** The table rows of this evaluation that decide {@code part} (see the class comment), in the order they fired. */
    private List<ScenarioReport.TableRow> decidedBy(String part, JsonNode expected, JsonNode got) {
        Set<String> rules = new LinkedHashSet<>();
        List<String> sheets = DECIDED_IN.get(part);
        if (sheets != null) {
            for (String sheet : sheets) {
                evaluation.firedRules().stream().filter(rule -> sheet.equals(sheet(rule))).forEach(rules::add);
            }
        } else if (part.equals("warnings")) {
            evaluation.warnings().stream().filter(w -> differs(w.code(), expected, got)).map(Evaluation.Warning::rule)
                    .forEach(rules::add);
        } else if (part.equals("checklist") || part.equals("checklistResponsible")) {
            evaluation.checklist().stream().filter(i -> part.equals("checklistResponsible") ? expected.has(i.code())
                    : differs(i.code(), expected, got)).map(Evaluation.Item::rule).forEach(rules::add);
        }
        List<ScenarioReport.TableRow> rows = new ArrayList<>();
        for (String rule : rules) {
            RuleSource source = ruleSet.source(rule);
            if (source != null && source.row() != null) {
                rows.add(new ScenarioReport.TableRow(dk.kk.itassessment.policy.RuleFiles.tableName(source.file()),
                        source.sheet(), source.row()));
            }
        }
        return rows;
    }

    private String sheet(String rule) {
        RuleSource source = ruleSet.source(rule);
        return source == null || source.row() == null ? null : source.sheet();
    }

    /** Whether {@code code} is in one of two lists of codes and not in the other. */
    private static boolean differs(String code, JsonNode expected, JsonNode got) {
        return contains(expected, code) != contains(got, code);
    }

    private static boolean contains(JsonNode list, String code) {
        return list.isArray() && list.values().stream().anyMatch(v -> v.isString() && v.asString().equals(code));
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
