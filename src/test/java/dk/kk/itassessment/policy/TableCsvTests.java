package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;

/** CSV written by the service holds no formula-like cell, and reads back, as the checks and Drools read it, as it was. */
class TableCsvTests {

    private static final List<String> CELLS = List.of("=1+1", "+45", "-5 days", "@SUM(A1)", "\tx", "'quoted'", "a, b",
            "say \"hi\"", "\"", "Profile...", "", "FULL_ACQUISITION");

    @Test
    void aLineNeutralisesFormulaCellsAndReadsBackAsMeant() {
        String line = TableCsv.line(CELLS);
        List<String> written = new CsvLineParser().parse(line);

        assertThat(written).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        assertThat(written.subList(0, 5)).containsExactly("'=1+1", "'+45", "'-5 days", "'@SUM(A1)", "'\tx");
        assertThat(new CsvLineParser().parse(new String(TableCsv.asMeant(utf8(line)), StandardCharsets.UTF_8).strip()))
                .containsExactlyElementsOf(CELLS);
    }

    @Test
    void aCellOfAQuoteBeforeAFormulaCharacterReadsWithoutTheQuote() {
        assertThat(new String(TableCsv.asMeant(utf8("'=x,'a,''=y\n")), StandardCharsets.UTF_8))
                .isEqualTo("=x,\"'a\",\"''=y\"\n");
    }

    @Test
    void aLineBreakInACellIsWrittenAsASpaceSoThatRowsKeepTheirNumbers() {
        assertThat(TableCsv.line(List.of("Første række.\nThe first row.", "x"))).isEqualTo("Første række. The first row.,x");
    }

    @Test
    void linesWithoutSuchACellStayByteForByte() {
        byte[] csv = utf8("RuleSet,x\r\n\"a, b\",Profile...,\"say \"\"hi\"\"\"\r\n");

        assertThat(TableCsv.neutralised(csv)).isEqualTo(csv);
        assertThat(TableCsv.asMeant(csv)).isEqualTo(csv);
    }

    @Test
    void aStoredCsvIsNeutralisedLineByLine() {
        byte[] csv = utf8("RuleSet,x\n=1+1,\"a, b\"\n");

        assertThat(new String(TableCsv.neutralised(csv), StandardCharsets.UTF_8)).isEqualTo("RuleSet,x\n\"'=1+1\",\"a, b\"\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
