package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table reader reads a workbook as a stream, and what it reads is what Drools reads: every sheet of every shipped
 * table and of workbooks written other ways gives the same text cell for cell as Drools' own Excel parser. Where Drools
 * would compile something other than the cell's value, the cell is refused.
 */
class TableReaderTests {

    static Stream<Arguments> workbooks() {
        List<Arguments> workbooks = new ArrayList<>();
        Tables.shipped().files().forEach((path, bytes) -> {
            if (path.endsWith(".xlsx")) {
                workbooks.add(Arguments.of(path, bytes));
            }
        });
        workbooks.add(Arguments.of("numbers, booleans and rich text", Tables.workbook(ROUTES, book -> {
            var sheet = book.getSheet("Routes");
            sheet.getRow(20).getCell(8).setCellValue(35);
            sheet.getRow(13).getCell(1).setCellValue(false);
            XSSFRichTextString rich = new XSSFRichTextString("A new solution: ");
            rich.append("a full IT acquisition.", book.createFont());
            sheet.getRow(21).getCell(10).setCellValue(rich);
            sheet.getRow(21).getCell(9).setCellValue("tab\u0009_x0041_");
        })));
        workbooks.add(Arguments.of("merged data cells", Tables.workbook(ROUTES, book -> {
            book.getSheet("Routes").addMergedRegion(new CellRangeAddress(21, 21, 9, 10));
            book.getSheet("Routes").addMergedRegion(new CellRangeAddress(19, 20, 7, 7));
        })));
        try (Stream<java.nio.file.Path> saved = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/tables"))) {
            for (java.nio.file.Path file : saved.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList()) {
                workbooks.add(Arguments.of(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return workbooks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void readsEveryCellAsDroolsReadsIt(String what, byte[] xlsx) throws Exception {
        List<TableGrid> grids = TableReader.read("t", "t.drl.xlsx", xlsx, new ArrayList<>());

        assertThat(grids).isNotEmpty();
        for (TableGrid grid : grids) {
            assertThat(cells(grid)).as(grid.name()).isEqualTo(drools(xlsx, grid.name()));
        }
    }

    @Test
    void aNumberFormatThatWouldWriteCodeIsReadAsTheTextDroolsCompilesAndRefused() {
        byte[] routes = sixtyDaysFormatted("0\"); System.exit(1); //\"");

        Finding finding = FindingAssert.at(upload(ROUTES, routes).errors(), "routes", "Routes!I22");

        assertThat(finding.message().en()).isEqualTo("'60); System.exit(1); //' is not allowed here: write a whole number "
                + "from 0 to 9999");
        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(Tables.with(ROUTES, routes)).close());
        assertThat(rejected.findings()).extracting(Finding::cell).containsExactly("Routes!I22");
    }

    @Test
    void aNumberIsReadWithItsFormatAsDroolsDoes() {
        byte[] routes = sixtyDaysFormatted("0.00");

        assertThat(FindingAssert.at(upload(ROUTES, routes).errors(), "routes", "Routes!I22").message().en())
                .startsWith("'60.00' is not allowed here");
    }

    @Test
    void aDateIsRefused() {
        byte[] routes = sixtyDaysFormatted("yyyy-mm-dd");

        assertThat(FindingAssert.at(upload(ROUTES, routes).errors(), "routes", "Routes!I22").message().en())
                .startsWith("dates are not allowed");
    }

    @Test
    void aPlainNumberAndABooleanAreValues() {
        byte[] routes = Tables.workbook(ROUTES, book -> {
            book.getSheet("Routes").getRow(21).getCell(8).setCellValue(61);
            book.getSheet("Routes").getRow(13).getCell(1).setCellValue(false);
        });

        assertThat(upload(ROUTES, routes).errors()).isEmpty();
    }

    @Test
    void aMergedDataCellIsCheckedAsTheValueDroolsGivesEveryCellOfTheRegion() {
        byte[] routes = Tables.workbook(ROUTES, book -> {
            var sheet = book.getSheet("Routes");
            sheet.getRow(21).getCell(7).setCellValue("FULL_ACQUISITION");
            sheet.addMergedRegion(new CellRangeAddress(21, 21, 7, 8)); // the route spills into the days column
        });

        assertThat(FindingAssert.at(upload(ROUTES, routes).errors(), "routes", "Routes!I22").message().en())
                .startsWith("'FULL_ACQUISITION' is not allowed here: write a whole number");
    }

    /** The routes table with 60 days in I22 as a number shown with {@code format}. */
    private static byte[] sixtyDaysFormatted(String format) {
        return Tables.workbook(ROUTES, book -> {
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            var cell = book.getSheet("Routes").getRow(21).getCell(8);
            cell.setCellValue(60);
            cell.setCellStyle(style);
        });
    }

    /** The non-blank cells of a grid, by reference. */
    private static Map<String, String> cells(TableGrid grid) {
        Map<String, String> cells = new TreeMap<>();
        for (int r = 0; r < grid.cells().size(); r++) {
            for (int c = 0; c < grid.cells().get(r).size(); c++) {
                if (!grid.at(r, c).isEmpty()) {
                    cells.put(new CellReference(r, c).formatAsString(false), grid.at(r, c));
                }
            }
        }
        return cells;
    }

    /** The non-blank cells of a sheet as Drools' Excel parser hands them to a decision table's listener. */
    static Map<String, String> drools(byte[] xlsx, String sheet) {
        Map<String, String> cells = new TreeMap<>();
        DataListener listener = new DataListener() {
            @Override
            public void startSheet(String name) {
            }

            @Override
            public void finishSheet() {
            }

            @Override
            public void newRow(int row, int columns) {
            }

            @Override
            public void newCell(int row, int column, String value, int mergedColStart) {
                if (value != null && !value.isEmpty()) {
                    cells.put(new CellReference(row, column).formatAsString(false), value);
                }
            }
        };
        new ExcelParser(Map.of(sheet, List.of(listener))).parseFile(new ByteArrayInputStream(xlsx));
        return cells;
    }
}
