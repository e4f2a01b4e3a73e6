package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.platform.Problems.FieldError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How a rule set did on its golden scenarios (CONTRACT.md, "Rule sets": {@code scenarios} and {@code coverage}).
 *
 * @param uncoveredRows the decision-table rows whose rule fired in no scenario, described like the explanation's
 *                      sources: {@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}
 */
public record ScenarioReport(int passed, int failed, List<Failure> failures, List<String> uncoveredRows) {

    public ScenarioReport {
        failures = List.copyOf(failures);
        uncoveredRows = List.copyOf(uncoveredRows);
    }

    /**
     * A scenario that did not pass: either the file could not be run ({@code errors}: not JSON, an invalid request
     * or registry entry, each field named as in a 400 answer), or parts of the decision differ ({@code differences}).
     *
     * @param file the scenario's path, {@code decision-tables/scenarios/…json}
     */
    public record Failure(String file, List<Difference> differences, List<FieldError> errors) {

        public Failure {
            differences = List.copyOf(differences);
            errors = List.copyOf(errors);
        }
    }

    /**
     * One part of the decision that differs, as the scenario writes it: lists of codes and names sorted, so that
     * their order never counts.
     *
     * @param part the key in the scenario's {@code expected}, e.g. {@code riskTier}, {@code checklist}
     */
    public record Difference(String part, JsonNode expected, JsonNode actual) {
    }
}
