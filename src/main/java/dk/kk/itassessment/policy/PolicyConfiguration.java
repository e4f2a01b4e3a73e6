package dk.kk.itassessment.policy;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Compiles the rule set in {@code assessment.rules-dir} and {@code assessment.tables-dir} once, at start-up. A rule
 * set that does not build stops the start, naming the file and line (see {@link RuleSetRejectedAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @ConfigurationProperties("assessment")
    record RuleSettings(@DefaultValue("rules") Path rulesDir, @DefaultValue("decision-tables") Path tablesDir) {
    }

    @Bean(destroyMethod = "close")
    PolicyEngine policyEngine(RuleSettings settings) {
        RuleFiles files = RuleFiles.read(settings.rulesDir(), settings.tablesDir());
        long start = System.nanoTime();
        RuleSet ruleSet = new RuleSetCompiler().compile(files);
        try {
            RuleSetChecks.verify(ruleSet);
        } catch (RuntimeException e) {
            ruleSet.close();
            throw e;
        }
        log.info("Rule set {} ({} files from {} and {}) compiled in {} ms", ruleSet.fingerprint(), files.files().size(),
                settings.rulesDir().toAbsolutePath(), settings.tablesDir().toAbsolutePath(),
                (System.nanoTime() - start) / 1_000_000);
        return new PolicyEngine(ruleSet);
    }
}
