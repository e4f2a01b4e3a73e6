package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Drools cannot build is pointed back at the table row, or the DRL file and line, in Danish and English. */
class TableCompileErrorTests {

    @Test
    void aCompileErrorOfATableIsMappedToItsRow() {
        String csv = CsvTableTests.table("BROWSER_EXTENSION").replace("\"kind == \"\"$param\"\"\"", "noSuchField == $param")
                .replace("BROWSER_EXTENSION,BROWSER", "true,BROWSER");

        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(CsvTableTests.withTable(csv)).close());

        assertThat(rejected).isNotNull();
        Finding finding = FindingAssert.at(rejected.findings(), "extra-warnings", "ExtraWarnings!10:10");
        assertThat(finding.message().en()).startsWith("the row cannot be compiled into a rule (Drools: ");
        assertThat(rejected.problems()).anySatisfy(p -> assertThat(p).startsWith("extra-warnings, ExtraWarnings!10:10: "));
    }

    @Test
    void aCompileErrorOfADrlFileNamesFileAndLine() {
        RuleFiles files = Tables.with("rules/derive/broken.drl", """
                package dk.kk.itassessment.rules.derive;
                import dk.kk.itassessment.policy.facts.*;

                rule "Broken"
                when
                    Acquisition( kind == )
                then
                end
                """.getBytes(StandardCharsets.UTF_8));

        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class, () -> new RuleSetCompiler().compile(files).close());

        assertThat(rejected.findings()).anySatisfy(f -> {
            assertThat(f.table()).isEqualTo("rules/derive/broken.drl");
            assertThat(f.cell()).isEqualTo("line 6");
            assertThat(f.message().da()).startsWith("filen kan ikke oversættes");
        });
    }
}
