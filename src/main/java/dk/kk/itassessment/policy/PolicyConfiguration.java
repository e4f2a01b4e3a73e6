package dk.kk.itassessment.policy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy engine. Which rule set it decides with is the rule-set library's business (package {@code rulesets}):
 * at start-up the active stored version, compiled once; later whichever version is activated.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean(destroyMethod = "close")
    PolicyEngine policyEngine() {
        return new PolicyEngine();
    }
}
