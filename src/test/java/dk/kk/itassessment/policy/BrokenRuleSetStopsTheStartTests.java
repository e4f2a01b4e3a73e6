package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.kk.itassessment.ItAssessmentApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/**
 * On first start (an empty database) the deployment's files become the active version: when they do not build, the
 * service refuses to start, naming the file and the line. (A later deployment's broken files become an invalid draft
 * instead, and the active version keeps deciding: RuleSetStartupTests.)
 */
class BrokenRuleSetStopsTheStartTests {

    @Test
    void aDrlSyntaxErrorStopsTheStartNamingFileAndLine(@TempDir Path rules, @TempDir Path database) throws Exception {
        Files.createDirectories(rules.resolve("derive"));
        Files.writeString(rules.resolve("derive/broken.drl"), """
                package dk.kk.itassessment.rules.derive;
                import dk.kk.itassessment.policy.facts.*;

                rule "Broken"
                when
                    Acquisition( kind == )
                then
                end
                """);

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ItAssessmentApplication.class).run(
                "--server.port=0", "--assessment.rules-dir=" + rules, "--assessment.embedded-db.data-dir=" + database,
                "--assessment.demo-data=false", "--assessment.security.bootstrap-admin.password=not-used-in-this-test"));

        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(cause).isInstanceOf(RuleSetRejected.class);
        assertThat(((RuleSetRejected) cause).problems()).anySatisfy(p -> assertThat(p).startsWith("rules/derive/broken.drl, line 6"));
    }
}
