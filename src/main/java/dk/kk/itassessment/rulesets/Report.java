package dk.kk.itassessment.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.kk.itassessment.assessment.RecordedDecisions;
import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.scenarios.ScenarioFiles;
import dk.kk.itassessment.scenarios.ScenarioReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the checks found in a version (CONTRACT.md, "Rule sets"): errors and warnings at the cell, the golden
 * scenarios, the table rows no scenario reaches, and what the version would change in past decisions; for a draft
 * made by accepting another's outcomes, every expectation that was rewritten ({@code accepted}, absent otherwise).
 * Stored with the version, as it was when the version was made.
 */
public record Report(List<Finding> errors, List<Finding> warnings, Scenarios scenarios, Coverage coverage, Impact impact,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Accepted accepted) {

    public Report(List<Finding> errors, List<Finding> warnings, Scenarios scenarios, Coverage coverage, Impact impact) {
        this(errors, warnings, scenarios, coverage, impact, null);
    }

    /** Valid: no error and no failed scenario. */
    public boolean valid() {
        return errors.isEmpty() && (scenarios == null || scenarios.failed() == 0);
    }

    /** This report with one more warning. */
    Report warning(Finding warning) {
        List<Finding> more = new ArrayList<>(warnings);
        more.add(warning);
        return new Report(errors, more, scenarios, coverage, impact, accepted);
    }

    /** This report of a draft made by accepting outcomes: what was rewritten, and a warning for each file. */
    Report accepting(Accepted outcomes, List<Finding> rewritten) {
        List<Finding> more = new ArrayList<>(rewritten);
        more.addAll(warnings);
        return new Report(errors, more, scenarios, coverage, impact, outcomes);
    }

    public record Scenarios(int passed, int failed, List<ScenarioReport.Failure> failures) {
    }

    public record Coverage(List<String> uncoveredRows) {
    }

    /**
     * The outcomes of draft {@code from} accepted: each expectation of its failing scenarios rewritten to what it
     * decides ({@code file}, {@code part}, {@code was}, {@code now}).
     */
    public record Accepted(String from, List<ScenarioFiles.Rewrite> rewritten) {
    }

    /**
     * The past assessments evaluated with the version and how many of their decisions would change: routes as
     * {@code FROM->TO}, review levels likewise, checklist items and warnings as {@code +ITEM} / {@code -ITEM}.
     * {@code skipped}: stored requests this build can no longer read (counted, not evaluated); {@code millis}: how
     * long the analysis took.
     */
    public record Impact(int evaluated, int changed, int skipped, Map<String, Integer> transitions,
                         Map<String, Integer> reviewLevels, Map<String, Integer> checklist, Map<String, Integer> warnings,
                         List<Example> examples, long millis) {
    }

    /** A past assessment whose decision would change, and how. */
    public record Example(String assessment, List<RecordedDecisions.Difference> differences) {
    }
}
