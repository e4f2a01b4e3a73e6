package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleSet;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info} shows the version this instance decides with: {@code ruleset.version}, {@code .fingerprint}. */
@Component
class ActiveVersionInfo implements InfoContributor {

    private final PolicyEngine engine;

    ActiveVersionInfo(PolicyEngine engine) {
        this.engine = engine;
    }

    @Override
    public void contribute(Info.Builder builder) {
        RuleSet ruleSet = engine.ruleSet();
        builder.withDetail("ruleset", Map.of("version", ruleSet.version(), "fingerprint", ruleSet.fingerprint()));
    }
}
