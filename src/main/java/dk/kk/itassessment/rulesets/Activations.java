package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which version decides: activating one (compiled and warmed up before anything changes, then swapped in at once on
 * this instance and announced to the others), and following an activation made elsewhere
 * ({@link ActiveVersionFollower}). Whenever this instance starts deciding with another version it publishes
 * {@link ActiveVersionChanged}, in a transaction of its own after the change committed, so that listeners of either
 * kind ({@code @EventListener}, {@code @TransactionalEventListener}) hear it.
 */
@Service
class Activations {

    private static final Logger log = LoggerFactory.getLogger(Activations.class);

    private final RuleSetVersions versions;
    private final RuleSetCatalog catalog;
    private final CompiledVersions compiled;
    private final PolicyEngine engine;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean fourEyes;
    /** The versions this instance is activating (it swaps them in itself): the follower leaves them alone. */
    private final Set<Long> activating = ConcurrentHashMap.newKeySet();

    Activations(RuleSetVersions versions, RuleSetCatalog catalog, CompiledVersions compiled, PolicyEngine engine,
                AuditTrail audit, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
                @Value("${assessment.rulesets.four-eyes:true}") boolean fourEyes) {
        this.versions = versions;
        this.catalog = catalog;
        this.compiled = compiled;
        this.engine = engine;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.fourEyes = fourEyes;
    }

    /**
     * Makes a version the one that decides, here and (through the database) on every instance: a valid draft
     * (approved by a second officer where four-eyes is on) or an earlier version (a roll-back). It is compiled,
     * checked and warmed up before anything changes; requests in flight finish on the version they started on.
     */
    RuleSetVersion activate(String id, Caller caller) {
        RuleSetVersion version = catalog.find(id);
        if (version.status() == RuleSetVersion.Status.ACTIVE) {
            throw new Conflict("Version " + id + " is already active.").coded("active", id);
        }
        if (version.status() == RuleSetVersion.Status.WITHDRAWN) {
            throw new Conflict("Version " + id + " was withdrawn; it cannot be activated.").coded("withdrawn", id);
        }
        if (!version.valid()) {
            throw new Conflict("Version " + id + " is not valid (see its report); it cannot be activated.").coded("invalid-activate", id);
        }
        if (version.status() == RuleSetVersion.Status.DRAFT && fourEyes && version.approvedBy() == null) {
            throw new Conflict("Version " + id + " needs the approval of a second policy officer before it is activated.").coded("needs-approval", id);
        }
        long number = version.number();
        RuleSet next;
        boolean swapped;
        activating.add(number);
        try {
            try {
                compiled.prepare(number);
                versions.announceNow(RuleSetVersions.PREPARE_CHANNEL, id); // the others compile it while this one does
                next = compiled.take(number);
            } catch (RuleSetRejected e) { // valid when stored, but it does not build with this build of the service
                throw new Conflict("Version " + id + " does not build with this service: " + String.join("; ", e.problems()))
                        .coded("does-not-build", id, String.join("; ", e.problems()));
            }
            try {
                transaction.executeWithoutResult(status -> {
                    versions.lockActivation();
                    String previous = versions.activeId().map(String::valueOf).orElse(null);
                    if (id.equals(previous)) {
                        throw new Conflict("Version " + id + " was activated a moment ago.").coded("meanwhile", id);
                    }
                    if (!versions.activate(number, caller.username(), Instant.now(clock))) {
                        throw new Conflict("Version " + id + " was withdrawn a moment ago; it cannot be activated.").coded("meanwhile", id);
                    }
                    audit.record(caller.username(), "ruleset.activated", "ruleset/" + id, AuditDetails.of(
                            "fingerprint", version.fingerprint(), "previous", previous,
                            "rollback", version.status() == RuleSetVersion.Status.RETIRED));
                    versions.announce(RuleSetVersions.ACTIVATED_CHANNEL, id);
                });
                swapped = swapTo(number, next);
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
        } finally {
            activating.remove(number);
        }
        if (swapped) {
            publishChange(next);
        }
        log.info("Rule-set version {} ({}) activated by {}", id, version.fingerprint(), caller.username());
        return catalog.find(id);
    }

    /**
     * Brings this instance to the version the database says is active, if it is not there yet (after a notification
     * or a poll). Compiles off the request path; a version that no longer builds is logged and the current one kept.
     */
    void follow() {
        Long active = versions.activeId().orElse(null);
        if (active == null || activating.contains(active) || active.toString().equals(engine.ruleSet().version())) {
            return;
        }
        RuleSet next;
        try {
            next = compiled.take(active);
        } catch (RuleSetRejected e) {
            log.error("Rule-set version {} became active elsewhere but does not build here; still deciding with {}:\n{}",
                    active, engine.ruleSet().version(), e.getMessage());
            return;
        }
        if (swapTo(active, next)) {
            log.info("Following the activation of rule-set version {} ({})", active, next.fingerprint());
            publishChange(next);
        }
    }

    /** Compiles a version ahead (it was approved or is being activated elsewhere), unless this instance activates it. */
    void prepare(long id) {
        if (!activating.contains(id)) { // this instance compiles a version it activates itself, once
            compiled.prepare(id);
        }
    }

    /**
     * Swaps in {@code next} if {@code id} is still the active version; one swap at a time, never backwards. True when
     * this instance decides with {@code next} now.
     */
    private synchronized boolean swapTo(long id, RuleSet next) {
        if (engine.ruleSet() == next) {
            return false;
        }
        if (versions.activeId().filter(active -> active == id).isEmpty()
                || Long.toString(id).equals(engine.ruleSet().version())) {
            next.close(); // another activation came in between: the follower brings this instance to that one
            return false;
        }
        engine.activate(next);
        return true;
    }

    /** Tells the other modules that this instance decides with {@code now} (outside the swap's lock). */
    private void publishChange(RuleSet now) {
        ActiveVersionChanged changed = new ActiveVersionChanged(now.version(), now.fingerprint());
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(changed));
        } catch (RuntimeException e) { // the version decides: a listener's failure does not undo that
            log.error("A listener of the activation of rule-set version {} failed", now.version(), e);
        }
    }
}
