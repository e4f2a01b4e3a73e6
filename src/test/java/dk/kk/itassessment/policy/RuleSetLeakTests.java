package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Fifty activations in a row: every replaced rule set is disposed — its KIE module forgotten by the KIE repository,
 * its KIE base garbage — and the heap does not grow with the versions. (A small rule set of 30 rules per version keeps
 * this fast; disposal does not depend on the size.)
 */
class RuleSetLeakTests {

    private static final int VERSIONS = 50;

    @Test
    void fiftyActivationsInARowKeepOnlyTheActiveRuleSet() {
        PolicyEngine engine = new PolicyEngine();
        List<WeakReference<KieBase>> replaced = new ArrayList<>();
        List<ReleaseId> releases = new ArrayList<>();
        long afterTen = 0;
        for (int version = 1; version <= VERSIONS; version++) {
            RuleSet next = new RuleSetCompiler().compile(files(version), Integer.toString(version));
            if (version > 1) {
                replaced.add(new WeakReference<>(engine.ruleSet().kieBase()));
                releases.add(engine.ruleSet().releaseId());
            }
            engine.activate(next);
            String deciding = engine.withCurrent(RuleSet::version);
            assertThat(deciding).isEqualTo(Integer.toString(version));
            if (version == 10) {
                afterTen = usedHeapAfterGc();
            }
        }
        long atTheEnd = usedHeapAfterGc();

        assertThat(replaced.stream().filter(ref -> ref.get() != null).count()).as("replaced KIE bases still reachable").isZero();
        assertThat(releases).allSatisfy(release ->
                assertThat(KieServices.Factory.get().getRepository().getKieModule(release)).isNull());
        assertThat(atTheEnd - afterTen).as("heap growth over 40 activations, bytes").isLessThan(16L * 1024 * 1024);
        engine.close();
    }

    private static RuleFiles files(int version) {
        StringBuilder drl = new StringBuilder("""
                package dk.kk.itassessment.rules.leak;
                import dk.kk.itassessment.policy.facts.*;
                """);
        for (int rule = 1; rule <= 30; rule++) {
            drl.append("rule \"Version ").append(version).append(" rule ").append(rule).append("\"\n")
                    .append("    ruleflow-group \"derive\"\n")
                    .append("when\n    Acquisition( users > ").append(rule).append(" )\n    $p : Profile()\n")
                    .append("then\n    $p.setChildren(false);\nend\n");
        }
        return new RuleFiles(Map.of("rules/leak.drl", drl.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Used heap once the collector has nothing more to free (several rounds: weak references clear lazily). */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
