package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetChecks;
import dk.kk.itassessment.policy.RuleSetCompiler;
import dk.kk.itassessment.policy.RuleSetRejected;
import dk.kk.itassessment.policy.TableChecks;
import java.util.ArrayList;
import java.util.List;
import dk.kk.itassessment.scenarios.ScenarioReport;
import dk.kk.itassessment.scenarios.ScenarioRunner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Everything a version must pass before it may decide, in order: the tables' cells and template, the build, the
 * rules every rule set must keep (processing days), the golden scenarios (each failing one an error) and their
 * coverage, and — for a draft —
 * its impact on past decisions. The compiled rule set comes back with the report so that it is compiled once.
 */
@Service
class VersionChecks {

    /** A table row as the explanation and the coverage name it: file, sheet (not for CSV), row. */
    static final Pattern ROW = Pattern.compile("(.*?)(?:, sheet (.*?))?, row (\\d+)");

    private final ImpactAnalysis impact;
    private final ScenarioRunner scenarios;
    private final boolean requireFullCoverage;

    VersionChecks(ImpactAnalysis impact, ScenarioRunner scenarios,
                  @Value("${assessment.rulesets.require-full-coverage:false}") boolean requireFullCoverage) {
        this.impact = impact;
        this.scenarios = scenarios;
        this.requireFullCoverage = requireFullCoverage;
    }

    /** A report, and the compiled rule set when it built (the caller closes it). */
    record Checked(Report report, RuleSet ruleSet) implements AutoCloseable {

        @Override
        public void close() {
            if (ruleSet != null) {
                ruleSet.close();
            }
        }
    }

    /**
     * @param base      the version the files were made from (its templates bind them), or null for a deployment's files
     * @param version   the name answers will carry (the version id), or null before the version is stored
     * @param withImpact whether to evaluate the newest stored assessments with it
     */
    Checked check(RuleFiles files, RuleFiles base, String version, boolean withImpact) {
        TableChecks.Findings tables = TableChecks.check(files, base);
        List<Finding> errors = new ArrayList<>(tables.errors());
        List<Finding> warnings = new ArrayList<>(tables.warnings());
        if (!errors.isEmpty()) {
            return new Checked(new Report(errors, warnings, null, null, null), null);
        }
        RuleSet ruleSet = null;
        try {
            ruleSet = version == null ? new RuleSetCompiler().compile(files) : new RuleSetCompiler().compile(files, version);
            RuleSetChecks.verify(ruleSet);
        } catch (RuleSetRejected rejected) {
            errors.addAll(rejected.findings());
        }
        if (!errors.isEmpty()) {
            if (ruleSet != null) {
                ruleSet.close();
            }
            return new Checked(new Report(errors, warnings, null, null, null), null);
        }
        ScenarioReport golden = scenarios.run(ruleSet, files);
        golden.failures().forEach(failure -> errors.add(failure.finding()));
        for (String row : golden.uncoveredRows()) {
            (requireFullCoverage ? errors : warnings).add(uncovered(row));
        }
        Report.Impact impacted = withImpact ? impact.analyse(ruleSet) : null;
        return new Checked(new Report(errors, warnings,
                new Report.Scenarios(golden.passed(), golden.failed(), golden.failures()),
                new Report.Coverage(golden.uncoveredRows()), impacted), ruleSet);
    }

    /** A table row no golden scenario reaches ({@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}). */
    private static Finding uncovered(String row) {
        Matcher m = ROW.matcher(row);
        if (!m.matches()) {
            return Finding.of(null, null, "Ingen scenarie når " + row, "No scenario reaches " + row);
        }
        String table = RuleFiles.tableName(m.group(1));
        String sheet = m.group(2) == null ? table : m.group(2);
        return Finding.of(table, sheet + "!A" + m.group(3),
                "Intet gyldent scenarie når række " + m.group(3) + "; tilføj et scenarie, der prøver den",
                "No golden scenario reaches row " + m.group(3) + "; add a scenario that tries it");
    }
}
