package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The sessions of one rule set that evaluations have left empty, for the next evaluations to reuse. A new session
 * builds its node and segment memories as the evaluation reaches them, about a fifth of an evaluation
 * (bench/README.md); a reused one has them already, and holds no fact: each evaluation deletes every fact it leaves
 * ({@link #giveBack}), so the next starts as on a new session ({@code SessionReuseTests} checks it).
 *
 * <p>Each session is reused for {@value #EVALUATIONS_PER_SESSION} evaluations at most, then disposed: Drools 10.2
 * keeps a match of a rule whose fact was updated and then deleted in the rule's list of dormant matches
 * (apache/incubator-kie-drools#6361, #6765), about 400 bytes an evaluation that a session never gives back.
 * (Not a {@code KieSessionsPool}: it resets its sessions, and a reset session kept matches of the evaluation
 * before, so two routes were chosen.)
 */
final class SessionPool {

    static final int EVALUATIONS_PER_SESSION = 256;
    /** At most one idle session per evaluation that ran at the same time, up to this many. */
    private static final int MAX_IDLE = 8;

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session and the number of evaluations it has begun. */
    static final class Pooled {
        final KieSession session;
        private int evaluations;

        private Pooled(KieSession session) {
            this.session = session;
        }
    }

    /** A session holding no fact, for one evaluation: give it back with {@link #giveBack}. */
    Pooled take() {
        Pooled pooled = idle.poll();
        if (pooled == null) {
            pooled = new Pooled(kieBase.newKieSession());
        }
        pooled.evaluations++;
        return pooled;
    }

    /**
     * Takes back a session from {@link #take}: every fact in it is deleted and it waits for the next evaluation. It
     * is disposed instead when its evaluation did not finish ({@code finished} false: a rule threw, say), when a
     * fact outlives the deletion, when it has made its share of evaluations, or when enough sessions wait already.
     */
    void giveBack(Pooled pooled, boolean finished) {
        KieSession session = pooled.session;
        boolean reuse = finished && pooled.evaluations < EVALUATIONS_PER_SESSION && idle.size() < MAX_IDLE;
        if (reuse) {
            for (EntryPoint entryPoint : session.getEntryPoints()) {
                for (FactHandle fact : new ArrayList<FactHandle>(entryPoint.getFactHandles())) {
                    entryPoint.delete(fact);
                }
            }
        }
        if (reuse && session.getFactCount() == 0) {
            idle.offer(pooled);
        } else {
            session.dispose();
        }
    }

    /** Disposes the idle sessions: the next evaluation starts on a new one. */
    void clear() {
        for (Pooled pooled = idle.poll(); pooled != null; pooled = idle.poll()) {
            pooled.session.dispose();
        }
    }
}
