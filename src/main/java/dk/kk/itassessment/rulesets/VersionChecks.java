package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetChecks;
import dk.kk.itassessment.policy.RuleSetCompiler;
import dk.kk.itassessment.policy.RuleSetRejected;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Everything a version must pass before it may decide, in order: the tables' cells and template, the build, the
 * rules every rule set must keep (processing days), the golden scenarios and their coverage, and — for a draft —
 * its impact on past decisions. The compiled rule set comes back with the report so that it is compiled once.
 */
@Service
class VersionChecks {

    private final ImpactAnalysis impact;

    VersionChecks(ImpactAnalysis impact) {
        this.impact = impact;
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
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        RuleSet ruleSet = null;
        try {
            ruleSet = version == null ? new RuleSetCompiler().compile(files) : new RuleSetCompiler().compile(files, version);
            RuleSetChecks.verify(ruleSet);
        } catch (RuleSetRejected rejected) {
            rejected.problems().forEach(p -> errors.add(Finding.of(null, null, p, p)));
        }
        if (!errors.isEmpty()) {
            if (ruleSet != null) {
                ruleSet.close();
            }
            return new Checked(new Report(errors, warnings, null, null, null), null);
        }
        Report.Impact impacted = withImpact ? impact.analyse(ruleSet) : null;
        return new Checked(new Report(errors, warnings, null, null, impacted), ruleSet);
    }
}
