package dk.kk.itassessment.policy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * A compiled rule set: the KIE base built once from one set of files, shared by every evaluation, and where each
 * of its rules came from. Evaluations hold a lease ({@link #tryAcquire()} / {@link #release()}); closing it gives
 * up the owner's lease, and when the last evaluation on it has finished the container is disposed and the module
 * forgotten, so a replaced rule set does not stay in memory and no evaluation in flight loses its rules.
 */
public final class RuleSet implements AutoCloseable {

    private final String version;
    private final String fingerprint;
    private final KieContainer container;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final Map<String, RuleSource> sources;
    private final Map<String, Evaluation.Explanation> explanations = new java.util.concurrent.ConcurrentHashMap<>();
    private final SessionPool sessions;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The owner's lease (1) plus one per evaluation in flight; at 0 the container is disposed. */
    private final AtomicInteger leases = new AtomicInteger(1);

    RuleSet(String version, String fingerprint, KieContainer container, ReleaseId releaseId,
            Map<String, RuleSource> sources) {
        this.version = version;
        this.fingerprint = fingerprint;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.sessions = new SessionPool(kieBase);
        this.releaseId = releaseId;
        this.sources = Map.copyOf(sources);
    }

    /** The sessions for this rule set's evaluations. */
    SessionPool sessions() {
        return sessions;
    }

    public String version() {
        return version;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Where the rule with this name comes from (rule names are unique within a rule set). */
    public RuleSource source(String rule) {
        return sources.get(rule);
    }

    /** The explanation line each rule has made so far (the engine's cache; a rule's line never changes). */
    Map<String, Evaluation.Explanation> explanations() {
        return explanations;
    }

    public Map<String, RuleSource> sources() {
        return sources;
    }

    /** Takes a lease for one evaluation; false once the rule set is closed and disposed (take the current one again). */
    public boolean tryAcquire() {
        for (int n = leases.get(); n > 0; n = leases.get()) {
            if (leases.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work} holding a lease; empty when the rule set is closed (take the current one again). */
    public <T> java.util.Optional<T> withLease(java.util.function.Function<RuleSet, T> work) {
        if (!tryAcquire()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(work.apply(this));
        } finally {
            release();
        }
    }

    /** Ends a lease taken with {@link #tryAcquire()}. */
    public void release() {
        if (leases.decrementAndGet() == 0) {
            sessions.clear();
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
        }
    }

    /** The KIE base (for the leak test: a replaced rule set's base must become garbage). */
    KieBase kieBase() {
        return kieBase;
    }

    ReleaseId releaseId() {
        return releaseId;
    }

    /** True until closed. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** Gives up the owner's lease: disposed now, or when the last evaluation on it finishes. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }
}
