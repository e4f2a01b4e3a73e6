package dk.kk.itassessment.policy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where this deployment's rule and table files are ({@code assessment.rules-dir}, {@code assessment.tables-dir}). */
@ConfigurationProperties("assessment")
public record RuleSettings(@DefaultValue("rules") Path rulesDir, @DefaultValue("decision-tables") Path tablesDir) {

    /** The deployment's files as a rule set. */
    public RuleFiles read() {
        return RuleFiles.read(rulesDir, tablesDir);
    }
}
