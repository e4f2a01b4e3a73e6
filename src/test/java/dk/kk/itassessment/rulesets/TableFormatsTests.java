package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.support.WorkbookZips;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored table that cannot be converted (stored before the checks refused such files) is a 409 saying so. */
class TableFormatsTests {

    @Test
    void aStoredWorkbookThatCannotBeReadIsAConflictNotAnError() {
        byte[] unreadable = WorkbookZips.zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "xl/workbook.xml", "not xml".getBytes(StandardCharsets.UTF_8)), null, null);

        assertThatThrownBy(() -> TableFormats.csv("decision-tables/routes.drl.xlsx", unreadable, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("cannot be read as a workbook");
    }

    @Test
    void aCsvCellLongerThanAWorkbookCellIsAConflictNotAnError() {
        byte[] csv = ("RuleSet,x\n" + "x".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TableFormats.xlsx(csv, "routes")).isInstanceOf(Conflict.class)
                .hasMessageContaining("longer than a workbook cell may be (32767 characters)");
    }
}
