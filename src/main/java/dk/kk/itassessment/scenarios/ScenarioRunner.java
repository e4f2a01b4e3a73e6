package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.assessment.PolicyFacts;
import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems.FieldError;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.PolicyFailure;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSource;
import dk.kk.itassessment.registry.IsolatedLookup;
import dk.kk.itassessment.registry.Matches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a rule set's golden scenarios ({@code decision-tables/scenarios/*.json}, decision-tables/scenarios/README.md)
 * against a compiled rule set: each through the registry's real look-up among the scenario's own entries only
 * ({@link IsolatedLookup}), the facts an assessment builds, and {@link PolicyEngine#evaluate(RuleSet,
 * dk.kk.itassessment.policy.facts.Acquisition, dk.kk.itassessment.policy.facts.Lookups)}. Nothing is stored. A file
 * that cannot be run is a failure naming its fields, never an exception, so one officer's typo is reported along
 * with everything else.
 */
@Service
public class ScenarioRunner {

    private static final Comparator<RuleSource> TABLE_ORDER = Comparator.comparing(RuleSource::file)
            .thenComparing(RuleSource::sheet, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RuleSource::row);

    private final ScenarioReader reader;
    private final IsolatedLookup lookup;
    private final PolicyEngine engine;
    private final JsonMapper json;

    ScenarioRunner(ScenarioReader reader, IsolatedLookup lookup, PolicyEngine engine, JsonMapper json) {
        this.reader = reader;
        this.lookup = lookup;
        this.engine = engine;
        this.json = json;
    }

    /**
     * Runs every scenario among {@code files} against {@code ruleSet} (normally compiled from the same files), and
     * lists the table rows that fired in none of them.
     */
    public ScenarioReport run(RuleSet ruleSet, RuleFiles files) {
        List<ScenarioReport.Failure> failures = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        int passed = 0;
        for (Map.Entry<String, byte[]> file : files.scenarios().entrySet()) {
            ScenarioReport.Failure failure = run(ruleSet, file.getKey(), file.getValue(), fired);
            if (failure == null) {
                passed++;
            } else {
                failures.add(failure);
            }
        }
        List<String> uncovered = ruleSet.sources().entrySet().stream()
                .filter(rule -> rule.getValue().row() != null && !fired.contains(rule.getKey()))
                .map(Map.Entry::getValue)
                .sorted(TABLE_ORDER)
                .map(RuleSource::describe)
                .toList();
        return new ScenarioReport(passed, failures.size(), failures, uncovered);
    }

    /** The failure of one scenario, or null when it passed; the rules that fired are added to {@code fired}. */
    private ScenarioReport.Failure run(RuleSet ruleSet, String file, byte[] bytes, Set<String> fired) {
        Scenario scenario;
        Matches found;
        try {
            scenario = reader.read(bytes);
            found = lookUp(scenario);
        } catch (InvalidRequest e) {
            return new ScenarioReport.Failure(file, List.of(), e.errors());
        }
        Evaluation evaluation;
        try {
            evaluation = engine.evaluate(ruleSet, PolicyFacts.acquisition(scenario.request()),
                    PolicyFacts.lookups(found, scenario.date()));
        } catch (PolicyFailure e) {
            return new ScenarioReport.Failure(file, List.of(), List.of(new FieldError("request", e.getMessage())));
        }
        fired.addAll(evaluation.firedRules());
        List<ScenarioReport.Difference> differences = new DecisionParts(json, ruleSet, evaluation, found)
                .differences(scenario.expected());
        return differences.isEmpty() ? null : new ScenarioReport.Failure(file, differences, List.of());
    }

    /** The look-up among the scenario's registry entries; a bad entry is named by its path in the file. */
    private Matches lookUp(Scenario scenario) {
        AssessmentRequest.Solution solution = scenario.request().solution();
        try {
            return lookup.lookup(scenario.registry(), solution.name(), solution.supplierName(), solution.supplierCvr(),
                    solution.category().name(), scenario.request().requester().institution(), scenario.date());
        } catch (InvalidRequest e) {
            throw new InvalidRequest(e.getMessage(), e.errors().stream()
                    .map(error -> new FieldError("registry." + error.field(), error.message())).toList());
        }
    }
}
