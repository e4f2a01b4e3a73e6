package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetRejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stored versions compiled for deciding: now ({@link #compile}), or ahead of their activation in the background
 * ({@link #prepare}, after a version is approved or announced for activation), so that activating one is a swap, not
 * a compilation. At most {@value #PREPARED} versions are kept compiled ahead; one compiles at a time.
 */
@Service
class CompiledVersions {

    private static final Logger log = LoggerFactory.getLogger(CompiledVersions.class);
    /** At most this many versions compiled ahead and not (yet) active, per instance. */
    private static final int PREPARED = 3;

    private final RuleSetVersions versions;
    private final VersionChecks checks;
    private final PolicyEngine engine;
    /** Versions compiled (or being compiled) ahead of their activation, oldest first. */
    private final Map<Long, CompletableFuture<RuleSet>> prepared = new LinkedHashMap<>();
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-preparer");
        thread.setDaemon(true);
        return thread;
    });

    CompiledVersions(RuleSetVersions versions, VersionChecks checks, PolicyEngine engine) {
        this.versions = versions;
        this.checks = checks;
        this.engine = engine;
    }

    /** Starts compiling a version in the background, unless it is compiled (or compiling) already or decides now. */
    void prepare(long id) {
        List<CompletableFuture<RuleSet>> evicted = new ArrayList<>();
        synchronized (prepared) {
            if (prepared.containsKey(id) || Long.toString(id).equals(engine.ruleSet().version())) {
                return;
            }
            prepared.put(id, CompletableFuture.supplyAsync(() -> compile(versions.find(id).orElseThrow()), preparer));
            var oldest = prepared.entrySet().iterator();
            while (prepared.size() > PREPARED) {
                evicted.add(oldest.next().getValue());
                oldest.remove();
            }
        }
        evicted.forEach(future -> future.thenAccept(RuleSet::close));
    }

    /**
     * The version compiled, for the caller to keep (or close): the one prepared ahead (waiting for it if it is being
     * compiled), or compiled now.
     */
    RuleSet take(long id) {
        CompletableFuture<RuleSet> ahead;
        synchronized (prepared) {
            ahead = prepared.get(id); // stays there while it compiles: a notification for it does not start another
        }
        if (ahead != null) {
            try {
                RuleSet ruleSet = ahead.join();
                boolean claimed;
                synchronized (prepared) {
                    claimed = prepared.remove(id, ahead);
                }
                if (claimed && ruleSet.isOpen()) {
                    return ruleSet;
                }
            } catch (CompletionException e) {
                synchronized (prepared) {
                    prepared.remove(id, ahead); // a later activation tries again
                }
                if (e.getCause() instanceof RuleSetRejected rejected) {
                    throw rejected;
                }
                log.warn("Compiling rule-set version {} ahead failed; compiling it now", id, e.getCause());
            }
        }
        return compile(versions.find(id).orElseThrow());
    }

    /** Compiles a stored version under its id and checks what every rule set must keep; warmed up by those checks. */
    RuleSet compile(RuleSetVersion version) {
        RuleFiles files = versions.files(version.number());
        VersionChecks.Checked checked = checks.check(files, null, version.id(), false);
        if (checked.ruleSet() == null || !checked.report().valid()) {
            checked.close(); // a failing scenario is among the errors
            throw new RuleSetRejected(checked.report().errors().stream().map(Finding::describe).toList());
        }
        return checked.ruleSet();
    }

    /** Disposes what was compiled ahead and never activated. */
    @jakarta.annotation.PreDestroy
    void close() {
        preparer.shutdownNow();
        synchronized (prepared) {
            prepared.values().forEach(future -> future.thenAccept(RuleSet::close));
            prepared.clear();
        }
    }
}
