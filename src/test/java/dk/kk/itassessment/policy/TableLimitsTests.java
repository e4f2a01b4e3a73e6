package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.WorkbookZips;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/**
 * A table is bounded before and while it is read: the unpacked size of each part and of all, the parts, and the
 * rows, columns, cells and merged regions of its sheets. A file beyond a bound is refused whole, naming the bound,
 * before POI or Drools keeps it in memory.
 */
class TableLimitsTests {

    @Test
    void aCellBelowRowOneThousandIsRefused() {
        byte[] tall = Tables.workbook(ROUTES, book -> book.getSheet("Routes").createRow(1000).createCell(1).setCellValue("x"));

        assertThat(refusal(tall)).contains("goes on below row 1000 (in row 1001)").contains("at most 1000 rows");
    }

    @Test
    void aTableOfAThousandRowsIsRead() {
        byte[] full = Tables.workbook(ROUTES, book -> book.getSheet("Routes").createRow(999).createCell(0).setCellValue("note"));

        assertThat(TableGuard.check("routes", ROUTES, full)).isEmpty();
    }

    @Test
    void aCellRightOfColumnCvIsRefused() {
        byte[] wide = Tables.workbook(ROUTES, book -> book.getSheet("Routes").getRow(0).createCell(100).setCellValue("x"));

        assertThat(refusal(wide)).contains("right of column CV (CW1)").contains("at most 100 columns");
    }

    @Test
    void moreThanTwentyThousandCellsAreRefused() {
        byte[] many = Tables.workbook(ROUTES, book -> {
            XSSFSheet notes = book.createSheet("Notes");
            for (int r = 0; r < 300; r++) {
                var row = notes.createRow(r);
                for (int c = 0; c < 70; c++) {
                    row.createCell(c);
                }
            }
        });

        assertThat(refusal(many)).contains("more than 20000 cells (blank cells with a format count too)");
    }

    @Test
    void moreThanFiveHundredMergedRegionsAreRefused() {
        byte[] merged = Tables.workbook(ROUTES, book -> {
            XSSFSheet notes = book.createSheet("Notes");
            for (int r = 0; r < 501; r++) {
                notes.createRow(r).createCell(0).setCellValue("n");
                notes.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, 1));
            }
        });

        assertThat(refusal(merged)).contains("more than 500 merged regions");
    }

    @Test
    void aPartUnpackingToMoreThanFourMebibytesIsRefused() {
        byte[] large = WorkbookZips.withEntry(shipped(), "docProps/custom.xml", noise(4 * 1024 * 1024 + 1));

        assertThat(refusal(large)).contains("unpacks to more than 4 MiB; at most 4 MiB per part");
    }

    @Test
    void partsUnpackingToMoreThanEightMebibytesInAllAreRefused() {
        Map<String, byte[]> parts = WorkbookZips.parts(shipped());
        for (int i = 0; i < 3; i++) {
            parts.put("docProps/custom" + i + ".xml", noise(3 * 1024 * 1024));
        }

        assertThat(refusal(WorkbookZips.zip(parts, null, null))).contains("unpacks to more than 8 MiB");
    }

    @Test
    void moreThanAThousandPartsAreRefused() {
        Map<String, byte[]> parts = WorkbookZips.parts(shipped());
        for (int i = 0; i < 1000; i++) {
            parts.put("docProps/part" + i + ".xml", new byte[0]);
        }

        assertThat(refusal(WorkbookZips.zip(parts, null, null))).contains("more than 1000 parts");
    }

    @Test
    void aCsvTableOfMoreThanAThousandLinesIsRefused() {
        String csv = CsvTableTests.table("BROWSER_EXTENSION") + "\n".repeat(1000);

        Finding finding = TableGuard.check("extra", "decision-tables/extra.drl.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(finding.message().en()).contains("more than 1000 lines");
    }

    @Test
    void aCsvLineOfMoreThanAHundredCellsIsRefused() {
        String csv = "RuleSet,x\n" + ",".repeat(100) + "\n";

        Finding finding = TableGuard.check("extra", "decision-tables/extra.drl.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(finding.cell()).isEqualTo("extra!2:2");
        assertThat(finding.message().en()).contains("more than 100 cells");
    }

    @Test
    void commasInQuotedCellsAreNoColumns() {
        String csv = "RuleSet,\"" + ",".repeat(200) + "\"\n";

        assertThat(TableGuard.check("extra", "decision-tables/extra.drl.csv", csv.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /** The one whole-file finding of an upload of the routes table, in English. */
    private static String refusal(byte[] routes) {
        Finding finding = FindingAssert.at(upload(ROUTES, routes).errors(), "routes", null);
        assertThat(TableChecks.guard(ROUTES, routes)).containsExactly(finding);
        return finding.message().en();
    }

    private static byte[] shipped() {
        return Tables.shipped().files().get(ROUTES);
    }

    /** Text that deflate packs to about a third of its size: no zip bomb, only large. */
    static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) "acgt".charAt(random.nextInt(4));
        }
        return bytes;
    }
}
