package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n\nlast,\"\"");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 6);
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("two\nlines", "");
        assertThat(rows.get(3).fields()).containsExactly("last", "");
    }

    @Test
    void aBadRecordIsNamedByItsLineAndTheNextIsStillRead() {
        List<Csv.Row> rows = Csv.parse("h\nab\"c\n\"x\"y\nok\n\"open");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows.get(1).error()).contains("quote");
        assertThat(rows.get(2).error()).contains("closing quote");
        assertThat(rows.get(3).fields()).containsExactly("ok");
        assertThat(rows.get(4).error()).contains("not closed");
    }
}
