package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.assessment.RecordedDecisions;
import dk.kk.itassessment.assessment.RecordedDecisions.Decision;
import dk.kk.itassessment.assessment.RecordedDecisions.Difference;
import dk.kk.itassessment.assessment.RecordedDecisions.Recorded;
import dk.kk.itassessment.policy.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What a rule set would change: the newest {@code assessment.rulesets.impact-assessments} (default 10,000) stored
 * assessments evaluated again with it — each with the request and look-ups it had — and compared with the decisions
 * they got. Read in pages of 1,000 (the next read while one is evaluated on every core), so it costs little memory.
 */
@Service
public class ImpactAnalysis {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImpactAnalysis.class);
    private static final int PAGE = 1000;
    private static final int EXAMPLES = 10;

    private final RecordedDecisions recorded;
    private final int limit;
    private final Executor reader = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "impact-reader");
        thread.setDaemon(true);
        return thread;
    });

    ImpactAnalysis(RecordedDecisions recorded, @Value("${assessment.rulesets.impact-assessments:10000}") int limit) {
        this.recorded = recorded;
        this.limit = limit;
    }

    /** The impact of {@code ruleSet} (kept open by the caller) on the newest stored assessments. */
    public Report.Impact analyse(RuleSet ruleSet) {
        return analyse(ruleSet, limit);
    }

    Report.Impact analyse(RuleSet ruleSet, int max) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        List<Recorded> page = recorded.newest(Math.min(PAGE, max), null);
        int read = page.size();
        while (!page.isEmpty()) {
            Recorded last = page.get(page.size() - 1);
            int next = Math.min(PAGE, max - read);
            // the next page is read while this one is evaluated
            CompletableFuture<List<Recorded>> following = next <= 0 ? CompletableFuture.completedFuture(List.of())
                    : CompletableFuture.supplyAsync(() -> recorded.newest(next, last), reader);
            List<Recorded> current = page;
            List<Decision> now = current.parallelStream().map(r -> evaluate(ruleSet, r)).toList();
            for (int i = 0; i < current.size(); i++) {
                tally.add(current.get(i), now.get(i));
            }
            page = following.join();
            read += page.size();
        }
        return tally.impact((System.nanoTime() - start) / 1_000_000);
    }

    /** The decision now, or null for a stored request this build cannot read any more (it is counted as skipped). */
    private Decision evaluate(RuleSet ruleSet, Recorded past) {
        try {
            return recorded.evaluate(ruleSet, past);
        } catch (RuntimeException e) {
            log.warn("Assessment {} could not be evaluated again: {}", past.id(), e.getClass().getSimpleName());
            return null;
        }
    }

    private static final class Tally {
        int evaluated;
        int changed;
        int skipped;
        final Map<String, Integer> transitions = new TreeMap<>();
        final Map<String, Integer> reviewLevels = new TreeMap<>();
        final Map<String, Integer> checklist = new TreeMap<>();
        final Map<String, Integer> warnings = new TreeMap<>();
        final List<Report.Example> examples = new ArrayList<>();

        void add(Recorded past, Decision now) {
            if (now == null) {
                skipped++;
                return;
            }
            evaluated++;
            List<Difference> differences = past.decision().differences(now);
            if (differences.isEmpty()) {
                return;
            }
            changed++;
            for (Difference d : differences) {
                switch (d.part()) {
                    case "route" -> count(transitions, d.recorded() + "->" + d.now());
                    case "securityReview" -> count(reviewLevels, d.recorded() + "->" + d.now());
                    case "checklist" -> items(checklist, d);
                    case "warnings" -> items(warnings, d);
                    default -> { } // days, risk tier, DPIA: in the examples' differences
                }
            }
            if (examples.size() < EXAMPLES) {
                examples.add(new Report.Example(past.id().toString(), differences));
            }
        }

        private static void items(Map<String, Integer> counts, Difference d) {
            d.added().forEach(code -> count(counts, "+" + code));
            d.removed().forEach(code -> count(counts, "-" + code));
        }

        private static void count(Map<String, Integer> counts, String key) {
            counts.merge(key, 1, Integer::sum);
        }

        Report.Impact impact(long millis) {
            return new Report.Impact(evaluated, changed, skipped, transitions, reviewLevels, checklist, warnings,
                    examples, millis);
        }
    }
}
