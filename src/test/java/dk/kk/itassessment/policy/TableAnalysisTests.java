package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.CHECKLIST;
import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.shipped;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/** What the rows of a table say together: conflicts, rows never reached, combinations no row covers. */
class TableAnalysisTests {

    @Test
    void theShippedTablesHaveNoFindings() {
        TableChecks.Findings findings = TableChecks.check(shipped(), shipped());

        assertThat(findings.errors()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    @Test
    void theShippedTablesHaveNoFindingsWithoutABaseEither() {
        TableChecks.Findings findings = TableChecks.check(shipped(), null);

        assertThat(findings.errors()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    @Test
    void twoRowsWithTheSameConditionsAndADifferentRouteConflict() {
        TableChecks.Findings findings = upload(ROUTES, Tables.text(ROUTES, "Routes!E18", "true"));

        Finding conflict = FindingAssert.at(findings.errors(), "routes", "Routes!I18");
        assertThat(conflict.message().en()).startsWith("conflict: the row has the same conditions as row 17")
                .contains("'0' against '5' in I17");
        assertThat(conflict.message().da()).startsWith("konflikt: rækken har samme betingelser som række 17");
    }

    @Test
    void listsInAnotherOrderAreTheSameConditions() {
        byte[] routes = Tables.texts(ROUTES,
                Map.of("Routes!C16", "REVOKED, REFUSED", "Routes!F16", "", "Routes!J16", "Afslag.", "Routes!K16", "Refused."));

        FindingAssert.at(upload(ROUTES, routes).errors(), "routes", "Routes!J16");
    }

    @Test
    void twoRowsAddingTheSameItemDifferentlyConflict() {
        byte[] checklist = Tables.workbook(CHECKLIST, book -> {
            XSSFSheet sheet = book.getSheet("Checklist");
            Row source = sheet.getRow(32);
            Row copy = sheet.createRow(33);
            for (Cell cell : source) {
                copy.createCell(cell.getColumnIndex()).setCellValue(cell.toString());
            }
            copy.getCell(10).setCellValue("GROUP_IT");
        });

        TableChecks.Findings findings = upload(CHECKLIST, checklist);

        assertThat(FindingAssert.at(findings.errors(), "checklist", "Checklist!K34").message().en())
                .contains("row 33").contains("'GROUP_IT' against 'REQUESTER'");
    }

    @Test
    void aRowAnEarlierRowAlwaysWinsIsAWarning() {
        byte[] routes = Tables.texts(ROUTES,
                Map.of("Routes!C20", "GRANTED", "Routes!D20", "", "Routes!E20", "false", "Routes!G20", ""));

        TableChecks.Findings findings = upload(ROUTES, routes);

        assertThat(findings.errors()).isEmpty();
        assertThat(FindingAssert.at(findings.warnings(), "routes", "Routes!B20").message().en())
                .startsWith("the row is never reached: rows 16, 18 above");
    }

    @Test
    void aRowTwoEarlierRowsTakeTogetherIsNeverReached() {
        byte[] routes = Tables.texts(ROUTES, Map.of("Routes!E18", "false", "Routes!C19", "GRANTED"));

        TableChecks.Findings findings = upload(ROUTES, routes);

        assertThat(findings.errors()).isEmpty();
        assertThat(FindingAssert.at(findings.warnings(), "routes", "Routes!B19").message().en())
                .startsWith("the row is never reached: rows 16, 17, 18 above");
    }

    @Test
    void combinationsNoRouteRowCoversAreNamed() {
        TableChecks.Findings findings = upload(ROUTES, Tables.text(ROUTES, "Routes!D22", "NONE"));

        Finding gap = FindingAssert.at(findings.errors(), "routes", "Routes!B9");
        assertThat(gap.message().en()).startsWith("the table must cover every request, but no row matches for example: "
                + "IT system? (true/false) = true, Portfolio permission (any of) = EXPIRED, Supplier agreement = EXPIRED, "
                + "AI feature = (none)");
        assertThat(gap.message().da()).contains("It-system? = true, FISKK-status (en af) = EXPIRED, Leverandøraftale = EXPIRED, "
                + "AI-funktion = (ingen)");
        assertThat(gap.message().en().split(";")).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void everyFirstMatchTableMustBeComplete() {
        TableChecks.Findings findings = upload("decision-tables/data-protection.drl.xlsx",
                Tables.text("decision-tables/data-protection.drl.xlsx", "RiskTier!C20", "CONTACT"));

        assertThat(FindingAssert.at(findings.errors(), "data-protection", "RiskTier!B9").message().en())
                .contains("Personal data? (true/false) = true, Data category = (none)");
    }
}
