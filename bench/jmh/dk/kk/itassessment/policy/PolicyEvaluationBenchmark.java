package dk.kk.itassessment.policy;

import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.Lookups;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the full shipped policy (rules/ and decision-tables/, compiled once in setup), as the service
 * makes it: on the session the evaluation before left empty, all eight phases, the decision and its explanation.
 * Run with bench/run-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {

    private PolicyEngine engine;
    private Acquisition fullAcquisition;
    private Acquisition wellbeingInUse;
    private Lookups nothingRegistered;

    @Setup(Level.Trial)
    public void compile() {
        engine = new PolicyEngine(new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules"), Path.of("decision-tables"))));
        fullAcquisition = new Acquisition("TEACHER", "SCHOOL", "APP", "TEACHING", "NEW_USE", true, "APP_STORE",
                true, Set.of("PUPILS"), Set.of("CONTACT"), "EU_EEA", false, false, false, false, 120, Set.of());
        wellbeingInUse = new Acquisition("TEACHER", "SCHOOL", "WEB_SERVICE", "WELLBEING", "NEW_USE", false, "OTHER",
                true, Set.of("PUPILS", "PARENTS"), Set.of("CONTACT", "WELLBEING"), "OTHER_THIRD_COUNTRY", false,
                true, true, true, 1800, Set.of());
        nothingRegistered = new Lookups("NONE", null, false, "NONE", null, false, 0, LocalDate.of(2026, 11, 27));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public Evaluation freeAppWithPupilData() {
        return engine.evaluate(fullAcquisition, nothingRegistered);
    }

    @Benchmark
    public Evaluation wellbeingSurveyInUseHighRisk() {
        return engine.evaluate(wellbeingInUse, nothingRegistered);
    }
}
