package dk.kk.itassessment.policy;

import java.util.List;

/**
 * The rule set does not build. {@link #findings()} name the table and cell (or DRL file and line) of each problem
 * in Danish and English; {@link #problems()} are the same in English, one line each, for logs and the start-up
 * failure.
 */
public class RuleSetRejected extends RuntimeException {

    private final List<Finding> findings;
    private final List<String> problems;

    /**
     * Problems that belong to no table or cell and are told in English only (a missing folder, a file too large at
     * start-up); their Danish text says so.
     */
    public RuleSetRejected(List<String> problems) {
        this(problems.stream().map(p -> Finding.of(null, null, "kun beskrevet på engelsk: " + p, p)).toList(), problems);
    }

    private RuleSetRejected(List<Finding> findings, List<String> problems) {
        super("The rule set does not build:\n  - " + String.join("\n  - ", problems), null, false, false);
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
    }

    static RuleSetRejected because(List<Finding> findings) {
        return new RuleSetRejected(findings, findings.stream().map(Finding::describe).toList());
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<String> problems() {
        return problems;
    }
}
