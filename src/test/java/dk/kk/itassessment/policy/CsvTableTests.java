package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A decision table may also be a CSV file (*.drl.csv): read, checked and compiled like a spreadsheet. */
class CsvTableTests {

    private static final String TABLE = "decision-tables/extra-warnings.drl.csv";

    /** Quotes inside a cell are doubled, and such a cell is quoted (CSV as Drools reads it). */
    static String table(String kindCell) {
        return String.join("\n",
                "RuleSet,dk.kk.itassessment.tables.extraWarnings",
                "Import,dk.kk.itassessment.policy.facts.*",
                "RULEFLOW-GROUP,warnings",
                "",
                "RuleTable ExtraWarnings",
                "CONDITION,ACTION,ACTION,ACTION",
                "Acquisition,,,",
                "\"kind == \"\"$param\"\"\",\"Warning warning = new Warning(\"\"$param\"\", drools.getRule().getName()); insert(warning);\","
                        + "\"warning.setDa(\"\"$param\"\");\",\"warning.setEn(\"\"$param\"\");\"",
                "Kind,Warning,Dansk,English",
                kindCell + ",BROWSER_EXTENSION_NOTICE,Browserudvidelser læser ofte alt på siden.,Browser extensions often read everything on the page.",
                "");
    }

    static RuleFiles withTable(String csv) {
        Map<String, byte[]> files = new HashMap<>(RuleFiles.read(Path.of("rules"), Path.of("decision-tables")).files());
        files.put(TABLE, csv.getBytes(StandardCharsets.UTF_8));
        return new RuleFiles(files);
    }

    @Test
    void aCsvTableAddsItsRowsToThePolicy() {
        try (RuleSet ruleSet = new RuleSetCompiler().compile(withTable(table("BROWSER_EXTENSION")))) {
            PolicyEngine engine = new PolicyEngine(ruleSet);
            Facts extension = plain().with(f -> f.kind = "BROWSER_EXTENSION");

            Evaluation evaluation = engine.evaluate(ruleSet, extension.acquisition(), extension.lookups());

            assertThat(evaluation.warnings()).anySatisfy(w -> {
                assertThat(w.code()).isEqualTo("BROWSER_EXTENSION_NOTICE");
                assertThat(w.rule()).isEqualTo("ExtraWarnings_10");
            });
            assertThat(ruleSet.source("ExtraWarnings_10").describe()).isEqualTo(TABLE + ", row 10");
            assertThat(engine.evaluate(ruleSet, plain().acquisition(), plain().lookups()).warnings())
                    .noneSatisfy(w -> assertThat(w.code()).isEqualTo("BROWSER_EXTENSION_NOTICE"));
        }
    }

    @Test
    void aCsvCellIsCheckedLikeASpreadsheetCell() {
        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(withTable(table("SPACESHIP"))).close());

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems()).singleElement().asString()
                .startsWith("extra-warnings, ExtraWarnings!A10: 'SPACESHIP' is not one of the allowed values");
    }
}
