package dk.kk.itassessment.policy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * A compiled rule set: the KIE base built once from one set of files, shared by every evaluation, and where each
 * of its rules came from. Closing it disposes the container and forgets the module, so a replaced rule set does
 * not stay in memory.
 */
public final class RuleSet implements AutoCloseable {

    private final String version;
    private final String fingerprint;
    private final KieContainer container;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final Map<String, RuleSource> sources;
    private final Map<String, Evaluation.Explanation> explanations = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    RuleSet(String version, String fingerprint, KieContainer container, ReleaseId releaseId,
            Map<String, RuleSource> sources) {
        this.version = version;
        this.fingerprint = fingerprint;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.releaseId = releaseId;
        this.sources = Map.copyOf(sources);
    }

    /**
     * A fresh stateless session for one evaluation. (Not from a {@code KieSessionsPool}: a pooled session's reset
     * kept activation-group state between evaluations, so two routes could fire — the policy tests caught it.)
     */
    StatelessKieSession newSession() {
        return kieBase.newStatelessKieSession();
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

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
        }
    }
}
