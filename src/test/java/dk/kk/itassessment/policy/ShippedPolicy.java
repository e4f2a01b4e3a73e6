package dk.kk.itassessment.policy;

import java.nio.file.Path;

/** The shipped rule set (rules/ and decision-tables/), compiled once for all policy tests of a run. */
final class ShippedPolicy {

    private static PolicyEngine engine;

    private ShippedPolicy() {
    }

    static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = new PolicyEngine(new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules"), Path.of("decision-tables"))));
        }
        return engine;
    }

    static Evaluation evaluate(Facts facts) {
        return engine().evaluate(facts.acquisition(), facts.lookups());
    }
}
