package dk.kk.itassessment.policy;

import java.util.List;

/** The rule set failed to reach a decision for a request (no route, two routes): a fault of the rule set, not the client. */
public class PolicyFailure extends RuntimeException {

    public PolicyFailure(List<String> problems) {
        super("The policy reached no decision: " + String.join("; ", problems), null, false, false);
    }
}
