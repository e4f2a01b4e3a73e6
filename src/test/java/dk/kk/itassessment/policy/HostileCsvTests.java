package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CSV table is checked like a workbook: template, cell types, size, and only UTF-8 text. */
class HostileCsvTests {

    private static final String TABLE = "decision-tables/extra-warnings.drl.csv";
    private static final String VALID = CsvTableTests.table("BROWSER_EXTENSION");

    private static TableChecks.Findings upload(String csv) {
        return upload(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static TableChecks.Findings upload(byte[] csv) {
        RuleFiles base = CsvTableTests.withTable(VALID);
        Map<String, byte[]> draft = new HashMap<>(base.files());
        draft.put(TABLE, csv);
        return TableChecks.check(new RuleFiles(draft), base);
    }

    @Test
    void theValidTableHasNoFindings() {
        assertThat(upload(VALID).errors()).isEmpty();
    }

    @Test
    void anUnknownValueIsRefusedAtItsCell() {
        FindingAssert.at(upload(CsvTableTests.table("SPACESHIP")).errors(), "extra-warnings", "ExtraWarnings!A10");
    }

    @Test
    void textThatWouldBreakOutOfItsStringLiteralIsRefused() {
        String csv = VALID.replace("Browser extensions often read everything on the page.", "\"\"\"); System.exit(0); //\"");

        FindingAssert.at(upload(csv).errors(), "extra-warnings", "ExtraWarnings!D10");
    }

    @Test
    void aChangedCodeRowIsRefused() {
        String csv = VALID.replace("\"kind == \"\"$param\"\"\"", "\"kind == \"\"$param\"\" || true\"");

        FindingAssert.at(upload(csv).errors(), "extra-warnings", "ExtraWarnings!A8");
    }

    @Test
    void aFunctionsEntryIsRefused() {
        String csv = VALID.replace("RULEFLOW-GROUP,warnings\n\n", "RULEFLOW-GROUP,warnings\nFunctions,\"function void boom() {}\"\n");

        FindingAssert.at(upload(csv).errors(), "extra-warnings", "ExtraWarnings!A4");
    }

    @Test
    void aVariablesEntryIsRefused() {
        String csv = VALID.replace("RULEFLOW-GROUP,warnings\n\n", "RULEFLOW-GROUP,warnings\nVariables,java.util.List list\n");

        FindingAssert.at(upload(csv).errors(), "extra-warnings", "ExtraWarnings!A4");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheRow() {
        byte[] latin1 = VALID.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(FindingAssert.at(upload(latin1).errors(), "extra-warnings", "extra-warnings!10:10").message().en())
                .contains("not UTF-8");
    }

    @Test
    void controlCharactersAreRefused() {
        FindingAssert.at(upload(VALID.replace("Kind,", "Ki\u0000nd,")).errors(), "extra-warnings", "extra-warnings!9:9");
    }

    @Test
    void aFileOverFiveMebibytesIsRefused() {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(VALID.getBytes(StandardCharsets.UTF_8));
        big.writeBytes(",".repeat((int) RuleFiles.MAX_FILE_BYTES).getBytes(StandardCharsets.UTF_8));

        assertThat(FindingAssert.at(upload(big.toByteArray()).errors(), "extra-warnings", null).message().en())
                .contains("at most 5 MiB");
    }
}
