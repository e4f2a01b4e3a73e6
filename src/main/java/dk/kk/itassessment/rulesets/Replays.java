package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.assessment.RecordedDecisions;
import dk.kk.itassessment.assessment.RecordedDecisions.Decision;
import dk.kk.itassessment.assessment.RecordedDecisions.Recorded;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * A stored assessment evaluated again from its request and look-ups (as made on its day): with the version that
 * decided it (it must decide the same — that is reproducibility) or with the active one (what would change now).
 * Versions other than the active one are compiled on demand and the last two kept (one compilation at a time:
 * replays of old versions are rare).
 */
@Service
class Replays {

    private static final int KEPT = 2;

    private final RecordedDecisions recorded;
    private final PolicyEngine engine;
    private final RuleSetVersions versions;
    private final CompiledVersions compiledVersions;
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(KEPT + 1, 0.75f, true);

    Replays(RecordedDecisions recorded, PolicyEngine engine, RuleSetVersions versions, CompiledVersions compiledVersions) {
        this.recorded = recorded;
        this.engine = engine;
        this.versions = versions;
        this.compiledVersions = compiledVersions;
    }

    /** The version a replay used: its id and fingerprint. */
    record Version(String version, String fingerprint) {
    }

    record Replay(String assessment, String against, boolean identical, Version recorded, Version replayed,
                  List<RecordedDecisions.Difference> differences) {
    }

    Replay replay(String id, String against) {
        String mode = against == null || against.isEmpty() ? "recorded" : against;
        if (!mode.equals("recorded") && !mode.equals("active")) {
            throw new InvalidRequest("against", "recorded or active");
        }
        Recorded past = recorded.find(id)
                .orElseThrow(() -> new NotFound("No assessment with id " + VersionIds.shorten(id) + "."));
        Function<RuleSet, Replay> replay = ruleSet -> {
            Decision now = recorded.evaluate(ruleSet, past);
            List<RecordedDecisions.Difference> differences = past.decision().differences(now);
            return new Replay(past.id().toString(), mode, differences.isEmpty(),
                    new Version(past.rulesetVersion(), past.rulesetFingerprint()),
                    new Version(ruleSet.version(), ruleSet.fingerprint()), differences);
        };
        if (mode.equals("active")) {
            return engine.withCurrent(replay);
        }
        Replay onTheActive = engine.withCurrent(ruleSet ->
                ruleSet.fingerprint().equals(past.rulesetFingerprint()) ? replay.apply(ruleSet) : null);
        if (onTheActive != null) {
            return onTheActive; // the version that decided it decides now too
        }
        while (true) { // a cached version may be evicted and closed between the look-up and the lease
            var replayed = compiled(past.rulesetFingerprint()).withLease(replay);
            if (replayed.isPresent()) {
                return replayed.get();
            }
        }
    }

    private synchronized RuleSet compiled(String fingerprint) {
        RuleSet ruleSet = compiled.get(fingerprint);
        if (ruleSet != null && ruleSet.isOpen()) {
            return ruleSet;
        }
        RuleSetVersion version = versions.findByFingerprint(fingerprint).orElseThrow(() -> new Conflict(
                "The rule set that decided this assessment (" + fingerprint + ") is not a stored version."));
        try {
            ruleSet = compiledVersions.compile(version);
        } catch (dk.kk.itassessment.policy.RuleSetRejected e) {
            throw new Conflict("The version that decided this assessment (" + version.id() + ") does not build with "
                    + "this service any more: " + String.join("; ", e.problems()));
        }
        compiled.put(fingerprint, ruleSet);
        if (compiled.size() > KEPT) {
            var eldest = compiled.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
        }
        return ruleSet;
    }

    /** Disposes the versions compiled for replays. */
    @jakarta.annotation.PreDestroy
    synchronized void close() {
        compiled.values().forEach(RuleSet::close);
        compiled.clear();
    }
}
