package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.policy.RuleFiles;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading the stored versions: one by id, the active one, a page of them, the files of one. */
@Service
class RuleSetCatalog {

    private final RuleSetVersions versions;

    RuleSetCatalog(RuleSetVersions versions) {
        this.versions = versions;
    }

    RuleSetVersion find(String id) {
        return versions.find(VersionIds.number(id)).orElseThrow(() -> VersionIds.unknown(id));
    }

    RuleSetVersion active() {
        return versions.active().orElseThrow(() -> new NotFound("No rule-set version is active."));
    }

    /** The id of the version that decides now, if any. */
    java.util.Optional<String> activeId() {
        return versions.activeId().map(String::valueOf);
    }

    /** A page of versions, newest first; the withdrawn drafts only when asked for. */
    List<RuleSetVersion> list(int limit, long offset, boolean withdrawn) {
        return versions.newest(limit, offset, withdrawn);
    }

    long count(boolean withdrawn) {
        return versions.count(withdrawn);
    }

    RuleFiles files(String id) {
        return versions.files(find(id).number());
    }
}
