package dk.kk.itassessment.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the service did not start when the rule set does not build. */
class RuleSetRejectedAnalyzer extends AbstractFailureAnalyzer<RuleSetRejected> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetRejected cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the files named above: a DRL file by its path and line below assessment.rules-dir, a table by "
                        + "its name (<name>.drl.xlsx or <name>.drl.csv below assessment.tables-dir) and its cell "
                        + "(Sheet!C14) or row (Sheet!22:22). Or point those properties at a rule set that builds, and "
                        + "start the service again.", cause);
    }
}
