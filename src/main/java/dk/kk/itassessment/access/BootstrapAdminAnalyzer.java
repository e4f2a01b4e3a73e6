package dk.kk.itassessment.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the service did not start when the first ADMIN cannot be created as configured. */
class BootstrapAdminAnalyzer extends AbstractFailureAnalyzer<BootstrapAdmin.Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapAdmin.Refused cause) {
        return new FailureAnalysis(cause.getMessage(), "Set assessment.security.bootstrap-admin.username and .password "
                + "(e.g. ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD) as docs/authorization.md says, and start the "
                + "service again.", cause);
    }
}
