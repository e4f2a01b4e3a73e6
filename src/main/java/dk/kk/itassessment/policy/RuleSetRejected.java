package dk.kk.itassessment.policy;

import java.util.List;

/** The rule set does not build: each problem names the file (and sheet, cell or line) it is in. */
public class RuleSetRejected extends RuntimeException {

    private final List<String> problems;

    public RuleSetRejected(List<String> problems) {
        super("The rule set does not build:\n  - " + String.join("\n  - ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
