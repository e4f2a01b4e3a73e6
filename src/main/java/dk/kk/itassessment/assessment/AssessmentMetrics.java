package dk.kk.itassessment.assessment;

import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What {@code /actuator/prometheus} shows of the assessments: each stored one by route and rule-set version
 * ({@code assessments_stored_total}), the time an evaluation takes ({@code policy_evaluation_seconds}, a histogram;
 * previews included), and how often each table row decided a stored assessment
 * ({@code policy_table_row_hits_total{table,sheet,row}}: as many series as the tables have rows, a few hundred). The
 * writer's queue is the store's gauge (assessment/store).
 */
@Component
class AssessmentMetrics {

    private final MeterRegistry registry;
    private final PolicyEngine policy;
    private final Timer evaluation;

    AssessmentMetrics(MeterRegistry registry, PolicyEngine policy) {
        this.registry = registry;
        this.policy = policy;
        this.evaluation = Timer.builder("policy.evaluation")
                .description("Time one evaluation of the policy takes, on the evaluation lane")
                .publishPercentileHistogram()
                .register(registry);
    }

    Evaluation timed(Supplier<Evaluation> evaluate) {
        return evaluation.record(evaluate);
    }

    /** An assessment was stored: its route and version, and the table rows that fired for it. */
    void stored(Evaluation decided) {
        Counter.builder("assessments.stored")
                .description("Assessments stored, by route and the rule-set version that decided")
                .tag("route", String.valueOf(decided.route()))
                .tag("ruleset", String.valueOf(decided.rulesetVersion()))
                .register(registry)
                .increment();
        var sources = policy.ruleSet().sources();
        for (String rule : decided.firedRules()) {
            RuleSource source = sources.get(rule);
            if (source != null && source.row() != null) {
                Counter.builder("policy.table.row.hits")
                        .description("Stored assessments a decision-table row fired for")
                        .tag("table", table(source.file()))
                        .tag("sheet", String.valueOf(source.sheet()))
                        .tag("row", String.valueOf(source.row()))
                        .register(registry)
                        .increment();
            }
        }
    }

    /** {@code decision-tables/routes.drl.xlsx} → {@code routes}. */
    private static String table(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int drl = name.indexOf(".drl");
        return drl > 0 ? name.substring(0, drl) : name;
    }
}
