package dk.kk.itassessment.policy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

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

    public String version() {
        return version;
    }

    public String fingerprint() {
        return fingerprint;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Where the rule with this name comes from (rule names are unique within a rule set). */
    public RuleSource source(String rule) {
        return sources.get(rule);
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
