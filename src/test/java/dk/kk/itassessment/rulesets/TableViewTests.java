package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.policy.RuleFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table view of the shipped routes table, without Spring: every rule row has the anchor the explanation's
 * sources link to, a finding lands on its cell (or on its row when its column is not shown, or apart when it is on
 * no rule row), in the page's language, and the rows' firings are those counted for their sources.
 */
class TableViewTests {

    private static final String ROUTES = "decision-tables/routes.drl.xlsx";
    private static final RuleFiles SHIPPED = RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));
    private static final JsonNode REPORT = JsonMapper.builder().build().readTree("""
            {"errors": [{"table": "routes", "cell": "Routes!I21", "message": {"da": "dage skal være et tal", "en": "days must be a number"}},
                        {"table": "routes", "cell": "Routes!B3", "message": {"da": "skabelonen", "en": "the template"}},
                        {"table": "checklist", "cell": "Checklist!J12", "message": {"da": "andet", "en": "other"}}],
             "warnings": [{"table": "routes", "cell": "Routes!A14", "message": {"da": "intet scenarie", "en": "no scenario"}}]}
            """);

    @Test
    void rowsHaveTheExplanationsAnchorsAndFindingsLandOnTheirCells() {
        TableView view = TableView.of("routes", ROUTES, SHIPPED.files().get(ROUTES), REPORT, null, Locale.ENGLISH);

        TableView.Sheet sheet = view.sheets().get(0);
        assertThat(sheet.name()).isEqualTo("Routes");
        assertThat(sheet.rows()).extracting(TableView.Row::anchor).contains("Routes-14", "Routes-21", "Routes-22");
        TableView.Row row21 = sheet.rows().stream().filter(r -> r.row() == 21).findFirst().orElseThrow();
        assertThat(row21.cells()).filteredOn(c -> c.ref().equals("Routes!I21")).singleElement()
                .satisfies(cell -> {
                    assertThat(cell.value()).isEqualTo("30");
                    assertThat(cell.error()).isTrue();
                    assertThat(cell.notes()).extracting(TableView.Note::text).containsExactly("days must be a number");
                });
        TableView.Row row14 = sheet.rows().get(0);
        assertThat(row14.notes()).extracting(TableView.Note::text).containsExactly("no scenario");
        assertThat(row14.flagged()).isTrue();
        assertThat(view.elsewhere()).extracting(TableView.Note::text).containsExactly("the template");
        assertThat(view.counted()).isFalse();
        assertThat(row21.fired()).isNull();
    }

    @Test
    void theDanishPageSaysTheFindingsInDanishAndCountsFiringsBySource() {
        Map<String, Long> fired = Map.of("decision-tables/routes.drl.xlsx, sheet Routes, row 21", 12L);

        TableView view = TableView.of("routes", ROUTES, SHIPPED.files().get(ROUTES), REPORT, fired, Locale.forLanguageTag("da"));

        TableView.Sheet sheet = view.sheets().get(0);
        assertThat(view.counted()).isTrue();
        assertThat(sheet.rows()).filteredOn(r -> r.row() == 21).singleElement().satisfies(r -> {
            assertThat(r.fired()).isEqualTo(12L);
            assertThat(r.cells().stream().flatMap(c -> c.notes().stream())).extracting(TableView.Note::text)
                    .containsExactly("dage skal være et tal");
        });
        assertThat(sheet.rows()).filteredOn(r -> r.row() == 22).singleElement().satisfies(r -> assertThat(r.fired()).isZero());
    }

    @Test
    void aReportLinksEachFindingAndUncoveredRowToItsRow() {
        assertThat(ReportView.source("7", "decision-tables/routes.drl.xlsx, sheet Routes, row 14").href())
                .isEqualTo("/rulesets/7/tables/routes#Routes-14");
        assertThat(ReportView.source("7", "decision-tables/extra.drl.csv, row 9").href())
                .isEqualTo("/rulesets/7/tables/extra#extra-9");
    }
}
