package dk.kk.itassessment.assessment;

import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stored assessment evaluated again, as a draft's impact analysis does it for each of the newest 10,000: the
 * stored request read and checked, the stored look-ups read, the policy evaluated, the decision taken apart for
 * comparison — without the database read (bench/rulesets.sh measures the whole analysis through the API).
 * Throughput on both cores ({@code @Threads(2)}). Run with {@code BENCH=ReevaluationBenchmark bench/run-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(1)
public class ReevaluationBenchmark {

    private RecordedDecisions recorded;
    private RuleSet ruleSet;
    private RecordedDecisions.Recorded past;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules"), Path.of("decision-tables")));
        recorded = new RecordedDecisions(null, json, new RequestReader(new JsonBody(json)), new PolicyEngine(ruleSet));
        String request = json.readTree(Files.readString(Path.of("bench/assessment-request.json"))).toString();
        String lookups = "{\"today\":\"2026-11-27\",\"portfolio\":null,\"supplier\":{\"id\":\"" + UUID.randomUUID()
                + "\",\"name\":\"Tools for Schools Ltd\",\"agreement\":\"ACTIVE\",\"agreementValidUntil\":\"2027-12-31\","
                + "\"coversSolution\":false},\"alternatives\":[]}";
        RecordedDecisions.Decision decided = recorded.evaluate(ruleSet, new RecordedDecisions.Recorded(UUID.randomUUID(),
                Instant.now(), "1", ruleSet.fingerprint(), null, request, lookups));
        past = new RecordedDecisions.Recorded(UUID.randomUUID(), Instant.now(), "1", ruleSet.fingerprint(), decided,
                request, lookups);
    }

    @TearDown(Level.Trial)
    public void close() {
        ruleSet.close();
    }

    @Benchmark
    public Object reevaluateOne() {
        return past.decision().differences(recorded.evaluate(ruleSet, past));
    }
}
