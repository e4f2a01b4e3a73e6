package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetRejected;
import dk.kk.itassessment.policy.RuleSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import dk.kk.itassessment.policy.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, before the service takes requests: the deployment's files ({@code assessment.rules-dir},
 * {@code assessment.tables-dir}) become the active version on first start; when a later deployment ships other
 * files they are imported as a draft (and logged), and the active version keeps deciding. Then the active version is
 * compiled and checked against this build — one that no longer builds or fails its scenarios stops the start,
 * saying why ({@link dk.kk.itassessment.policy.RuleSetRejected}).
 */
@Component
class RuleSetStartup {

    private static final Logger log = LoggerFactory.getLogger(RuleSetStartup.class);
    /** The actor of what the deployment's files do: imported, and the first version activated. */
    static final String DEPLOYMENT = "deployment";

    RuleSetStartup(RuleSettings settings, RuleSetVersions versions, VersionChecks checks, CompiledVersions compiled,
                   PolicyEngine engine, AuditTrail audit, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        long start = System.nanoTime();
        RuleFiles shipped = settings.read();
        RuleSet imported = null;
        if (versions.findByFingerprint(shipped.fingerprint()).isEmpty()) {
            // checked and compiled before the lock is taken: other instances do not wait for this compilation
            boolean first = versions.count() == 0;
            long id = versions.nextId();
            VersionChecks.Checked checked = checks.check(shipped, null, Long.toString(id), !first);
            Report report = checked.report();
            if (first && !report.valid()) {
                checked.close();
                throw new RuleSetRejected(report.errors().stream().map(Finding::describe).toList()); // scenarios too
            }
            boolean stored;
            try {
                stored = Boolean.TRUE.equals(transaction.execute(status -> {
                    versions.lockActivation(); // two instances starting at once import once
                    if (versions.findByFingerprint(shipped.fingerprint()).isPresent()
                            || first != (versions.count() == 0)) {
                        return false; // another instance imported them a moment ago
                    }
                    store(versions, audit, json, clock, shipped, id, first, report);
                    return true;
                }));
            } catch (RuntimeException e) {
                checked.close();
                throw e;
            }
            if (stored && first) {
                imported = checked.ruleSet(); // the first version decides: compiled once
            } else {
                checked.close();
            }
        }
        RuleSetVersion active = versions.active().orElseThrow(() -> new RuleSetRejected(
                List.of("No rule-set version is active in the database")));
        versions.findByFingerprint(shipped.fingerprint()).filter(deployed -> !deployed.id().equals(active.id()))
                .ifPresent(deployed -> log.warn("The deployment's rule and table files are version {} ({}); version {} "
                        + "decides until a policy officer activates another.", deployed.id(), deployed.status(), active.id()));
        RuleSet ruleSet = imported;
        if (ruleSet == null) {
            try {
                ruleSet = compiled.compile(active);
            } catch (RuleSetRejected e) {
                throw new RuleSetRejected(Stream.concat(Stream.of("The active rule-set version " + active.id() + " ("
                        + active.fingerprint() + ") no longer builds or passes its checks with this build of the "
                        + "service:"), e.problems().stream()).toList());
            }
        }
        engine.activate(ruleSet);
        log.info("Deciding with rule-set version {} ({}), compiled and checked in {} ms", active.id(), active.fingerprint(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void store(RuleSetVersions versions, AuditTrail audit, JsonMapper json, Clock clock, RuleFiles shipped,
                              long id, boolean first, Report report) {
        versions.insert(id, shipped, first ? RuleSetVersion.Status.ACTIVE : RuleSetVersion.Status.DRAFT,
                report.valid(), null, first ? "The files of the first deployment" : "The files of a later deployment",
                DEPLOYMENT, Instant.now(clock), json.valueToTree(report),
                first ? DEPLOYMENT : null);
        audit.record(DEPLOYMENT, first ? "ruleset.imported.active" : "ruleset.imported.draft",
                "ruleset/" + id, AuditDetails.of("fingerprint", shipped.fingerprint(), "valid", report.valid()));
        if (first) {
            log.info("Rule-set version {} ({}): the deployment's files, active", id, shipped.fingerprint());
        } else {
            log.warn("The deployment's rule and table files ({}) differ from the active version: imported as draft "
                    + "version {} ({}). The active version keeps deciding until a policy officer approves and "
                    + "activates the draft.", shipped.fingerprint(), id, report.valid() ? "valid" : "NOT valid");
        }
    }
}
