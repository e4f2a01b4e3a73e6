package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.drools.base.InitialFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
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
 * (apache/incubator-kie-drools#6361, #6765), about 400 bytes an evaluation that a session never gives back. A rule
 * set with a rule that joins no fact of the evaluation gets a new session every time ({@link #everyRuleJoinsAFact}).
 * (Not a {@code KieSessionsPool}: it resets its sessions, and a reset session kept matches of the evaluation
 * before, so two routes were chosen.)
 */
final class SessionPool {

    static final int EVALUATIONS_PER_SESSION = 256;
    /** At most one idle session per evaluation that ran at the same time, up to this many. */
    private static final int MAX_IDLE = 8;

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    /** False when a rule joins no fact of an evaluation: then a new session every time. */
    private final boolean reuse;

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
        this.reuse = everyRuleJoinsAFact(kieBase);
    }

    /**
     * Whether every rule's conditions join at least one fact (a positive pattern of a fact type, in every branch of
     * an {@code or}). A rule without one (no condition at all, or only {@code not}, {@code exists}, {@code eval} or
     * {@code from}) matches the session's initial fact instead, which deleting an evaluation's facts does not remove:
     * on a reused session it would not fire again. Read from Drools' compiled rules; anything not recognised counts
     * as no join (a new session every time: slower, never wrong).
     */
    static boolean everyRuleJoinsAFact(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl compiled) || !joinsAFact(compiled.getLhs())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean joinsAFact(RuleConditionElement element) {
        if (element instanceof Pattern pattern) {
            return pattern.getObjectType() instanceof ClassObjectType type
                    && !InitialFact.class.isAssignableFrom(type.getClassType())
                    && (pattern.getSource() == null || pattern.getSource() instanceof EntryPointId);
        }
        if (element instanceof GroupElement group && group.isAnd()) {
            return group.getChildren().stream().anyMatch(SessionPool::joinsAFact);
        }
        if (element instanceof GroupElement group && group.isOr()) {
            return !group.getChildren().isEmpty() && group.getChildren().stream().allMatch(SessionPool::joinsAFact);
        }
        return false;
    }

    /** Whether sessions are reused: false when a rule needs no fact of an evaluation (see the class comment). */
    boolean reusesSessions() {
        return reuse;
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
     * is disposed instead when its evaluation did not finish ({@code finished} false: a rule threw, say), when
     * deleting a fact fails or a fact outlives the deletion, when it has made its share of evaluations, when enough
     * sessions wait already, or when the rule set has a rule that joins none of an evaluation's facts.
     */
    void giveBack(Pooled pooled, boolean finished) {
        KieSession session = pooled.session;
        boolean reuse = this.reuse && finished && pooled.evaluations < EVALUATIONS_PER_SESSION && idle.size() < MAX_IDLE;
        if (reuse) {
            try {
                for (EntryPoint entryPoint : session.getEntryPoints()) {
                    for (FactHandle fact : new ArrayList<FactHandle>(entryPoint.getFactHandles())) {
                        entryPoint.delete(fact);
                    }
                }
            } catch (RuntimeException e) { // the evaluation's answer stands; the session is not used again
                reuse = false;
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
