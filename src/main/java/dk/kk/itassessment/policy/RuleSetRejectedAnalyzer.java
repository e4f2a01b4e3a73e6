package dk.kk.itassessment.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the service did not start when the rule set does not build. */
class RuleSetRejectedAnalyzer extends AbstractFailureAnalyzer<RuleSetRejected> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetRejected cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the files named above (assessment.rules-dir and assessment.tables-dir), or point those "
                        + "properties at a rule set that builds, and start the service again.", cause);
    }
}
