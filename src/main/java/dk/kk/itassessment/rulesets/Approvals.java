package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The second policy officer's approval of a valid draft; every instance then compiles it ahead of its activation. */
@Service
class Approvals {

    private final RuleSetVersions versions;
    private final RuleSetCatalog catalog;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Approvals(RuleSetVersions versions, RuleSetCatalog catalog, AuditTrail audit, TransactionTemplate transaction,
              Clock clock) {
        this.versions = versions;
        this.catalog = catalog;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A second policy officer approves a valid draft that is not theirs. */
    RuleSetVersion approve(String id, Caller caller) {
        RuleSetVersion version = catalog.find(id);
        if (version.status() != RuleSetVersion.Status.DRAFT) {
            throw new Conflict("Version " + id + " is " + version.status() + "; only a draft is approved.").coded("not-a-draft", id);
        }
        if (!version.valid()) {
            throw new Conflict("Version " + id + " is not valid (see its report); it cannot be approved.").coded("invalid-approve", id);
        }
        if (version.createdBy().equals(caller.username())) {
            throw new Conflict("Version " + id + " is yours; a second policy officer must approve it.").coded("own", id);
        }
        if (version.approvedBy() != null) {
            throw new Conflict("Version " + id + " is already approved by " + version.approvedBy() + ".").coded("approved", id, version.approvedBy());
        }
        transaction.executeWithoutResult(status -> {
            if (!versions.approve(version.number(), caller.username(), Instant.now(clock))) {
                throw new Conflict("Version " + id + " was approved or changed a moment ago; read it again.").coded("meanwhile", id);
            }
            audit.record(caller.username(), "ruleset.approved", "ruleset/" + id,
                    AuditDetails.of("fingerprint", version.fingerprint()));
            versions.announce(RuleSetVersions.PREPARE_CHANNEL, id);
        });
        return catalog.find(id);
    }
}
