package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Table downloads: a CSV never holds a cell a spreadsheet program would take for a formula, and reads back, uploaded
 * again, as the values it came from; and a table of any stored version is answered in every format, never with 500.
 */
@IntegrationTest
class TableDownloadApiTests {

    @Autowired
    Api api;

    private Drafts drafts;
    private byte[] routes;

    @BeforeEach
    void readTheActiveRoutes() {
        drafts = new Drafts(api);
        routes = drafts.table(drafts.active().get("id").asString(), "routes");
    }

    @Test
    void aCsvDownloadNeutralisesFormulaCellsAndReadsBackAsTheValuesMeant() {
        byte[] formulas = Drafts.edit(routes, Map.of("Routes!J22", "=1+1 dage", "Routes!K22", "@SUM(A1) days",
                "Routes!J21", "-kort forløb", "Routes!K21", "+a shorter acquisition", "Routes!A22", "=cmd|' /C calc'!A0"));
        JsonNode draft = uploaded("routes.drl.xlsx", formulas, "values that look like formulas");
        assertThat(draft.get("valid").asBoolean()).as(draft.toString()).isTrue();

        Api.Response csv = drafts.officer().get("/api/v1/rulesets/" + draft.get("id").asString() + "/tables/routes?format=csv");

        assertThat(csv.status()).isEqualTo(200);
        List<String> cells = cells(csv.text());
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        assertThat(cells).contains("'=1+1 dage", "'@SUM(A1) days", "'-kort forløb", "'+a shorter acquisition",
                "'=cmd|' /C calc'!A0");

        JsonNode back = uploaded("routes.drl.csv", csv.raw().body(), "the CSV, uploaded again");
        assertThat(back.get("valid").asBoolean()).as(back.toString()).isTrue();
        byte[] again = drafts.table(back.get("id").asString(), "routes?format=xlsx");
        assertThat(Drafts.text(again, "Routes!J22")).isEqualTo("=1+1 dage");
        assertThat(Drafts.text(again, "Routes!K21")).isEqualTo("+a shorter acquisition");
        assertThat(Drafts.text(again, "Routes!A22")).isEqualTo("=cmd|' /C calc'!A0");
        Api.Response csvAgain = drafts.officer().get("/api/v1/rulesets/" + back.get("id").asString() + "/tables/routes");
        assertThat(cells(csvAgain.text())).contains("'=1+1 dage").noneMatch(cell -> cell.startsWith("="));
    }

    @Test
    void everyTableOfAStoredDraftIsAnsweredInEveryFormat() {
        String csv = new String(drafts.table(drafts.active().get("id").asString(), "routes?format=csv"), StandardCharsets.UTF_8);
        List<JsonNode> stored = List.of(
                uploaded("routes.drl.xlsx", Drafts.edit(routes, Map.of("Routes!H22", "FAST_LANE")), "with findings"),
                uploaded("routes.drl.xlsx", hiddenWithOddNames(), "a hidden rule sheet, odd sheet names"),
                uploaded("routes.drl.csv", utf8(csv.replace("\r\n", "\n").replaceFirst("\n\n", "\n" + "A long note; ".repeat(3000)
                        + "\n")), "a CSV table with a note longer than a workbook cell"),
                uploaded("routes.drl.csv", utf8(csv.replace("NOT_PERMITTED", "=NOT_PERMITTED")), "a CSV table with findings"));

        for (JsonNode draft : stored) {
            for (String query : List.of("", "?format=csv", "?format=xlsx", "?format=csv&sheet=Routes",
                    "?format=csv&sheet=Noter%20%26%20%22rettelser%22", "?format=csv&sheet=Nothing", "?format=pdf")) {
                Api.Response answer = drafts.officer().get("/api/v1/rulesets/" + draft.get("id").asString() + "/tables/routes" + query);
                assertThat(answer.status()).as("%s%s: %s", draft.get("comment"), query, answer.text()).isIn(200, 400, 409);
                if (answer.status() != 200) {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            }
        }
    }

    /** The routes table with a hidden copy of its rule sheet and a notes sheet of an odd name. */
    private byte[] hiddenWithOddNames() {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(routes));
             var out = new java.io.ByteArrayOutputStream()) {
            book.cloneSheet(0, "Routes (kopi)");
            book.setSheetVisibility(1, SheetVisibility.HIDDEN);
            book.createSheet("Noter & \"rettelser\"").createRow(0).createCell(0).setCellValue("=HYPERLINK(\"x\")");
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode uploaded(String name, byte[] bytes, String comment) {
        Api.Response uploaded = drafts.uploadTable(name, bytes, comment);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The cells of a CSV file as Drools' parser reads them. */
    private static List<String> cells(String csv) {
        List<String> cells = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        for (String line : csv.split("\r\n|\n")) {
            cells.addAll(parser.parse(line));
        }
        return cells;
    }
}
