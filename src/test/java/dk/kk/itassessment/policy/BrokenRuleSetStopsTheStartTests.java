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

/** The service refuses to start on a rule set that does not build, naming the file and the line. */
class BrokenRuleSetStopsTheStartTests {

    @Test
    void aDrlSyntaxErrorStopsTheStartNamingFileAndLine(@TempDir Path rules) throws Exception {
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
                "--server.port=0", "--assessment.rules-dir=" + rules, "--assessment.embedded-db.data-dir=target/test-postgres",
                "--assessment.embedded-db.clean=false", "--assessment.demo-data=false"));

        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(cause).isInstanceOf(RuleSetRejected.class);
        assertThat(((RuleSetRejected) cause).problems()).anySatisfy(p -> assertThat(p).startsWith("rules/derive/broken.drl, line 6"));
    }
}
