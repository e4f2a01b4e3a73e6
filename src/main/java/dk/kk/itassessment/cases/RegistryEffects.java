package dk.kk.itassessment.cases;

import dk.kk.itassessment.registry.Outcomes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a case's change does to the registry (CONTRACT.md "Cases"), in the transaction of the change; the registry
 * audits each change with the case as its reason, and the case's history tells it ({@code REGISTRY_UPDATED}).
 */
@Component
class RegistryEffects {

    static final String REGISTER_IN_FISKK = "REGISTER_IN_FISKK";
    static final String DATA_PROCESSING_AGREEMENT = "DATA_PROCESSING_AGREEMENT";

    private final Outcomes registry;

    RegistryEffects(Outcomes registry) {
        this.registry = registry;
    }

    /** {@code REGISTER_IN_FISKK} done: a PENDING entry when the portfolio has none, so a second request waits for it. */
    void itemChanged(Case changed, String code, Case.State state, String actor, Instant at) {
        if (code.equals(REGISTER_IN_FISKK) && state == Case.State.DONE) {
            registry.registerPending(solution(changed), actor, reason(changed)).ifPresent(created -> {
                changed.createdPendingEntry = created.id();
                told(changed, created, actor, at);
            });
        }
    }

    /** The decision reaches the portfolio: a permission granted or refused, the institution connected, the DPA. */
    void decided(Case decided, String actor, Instant at) {
        String institution = decided.requester.institution();
        boolean acquisition = decided.route.equals("FULL_ACQUISITION") || decided.route.equals("FAST_TRACK_ACQUISITION");
        if (decided.status == Case.Status.GRANTED && acquisition) {
            told(decided, registry.grant(solution(decided), decided.outcome.permissionValidUntil(), institution, actor,
                    reason(decided)), actor, at);
            boolean dpaDone = decided.items.stream().anyMatch(i -> i.code.equals(DATA_PROCESSING_AGREEMENT)
                    && i.state == Case.State.DONE);
            if (dpaDone) {
                told(decided, registry.coverSystem(solution(decided), actor, reason(decided)), actor, at);
            }
        } else if (decided.status == Case.Status.GRANTED) {
            told(decided, registry.connect(solution(decided), institution, actor, reason(decided)), actor, at);
        } else if (decided.status == Case.Status.REFUSED && acquisition) {
            told(decided, registry.refuse(solution(decided), actor, reason(decided)), actor, at);
        }
    }

    /** Withdrawn: the PENDING entry it made goes (one that was decided meanwhile stays). */
    void withdrawn(Case changed, String actor, Instant at) {
        if (changed.createdPendingEntry != null
                && registry.removePending(changed.createdPendingEntry, actor, reason(changed))) {
            told(changed, new Outcomes.Change("portfolio.deleted", changed.createdPendingEntry), actor, at);
        }
    }

    private static void told(Case changed, Outcomes.Change change, String actor, Instant at) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("target", (change.action().startsWith("supplier") ? "supplier/" : "portfolio/") + change.id());
        changed.registryChanged(change.action(), facts, actor, at);
    }

    private static Outcomes.Solution solution(Case of) {
        return new Outcomes.Solution(of.solution.name(), of.solution.supplierName(), of.solution.supplierCvr(),
                of.solution.category());
    }

    private static String reason(Case of) {
        return "case/" + of.number;
    }
}
