package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped tables are laid out for the people who edit and print them ({@link TableLayout}): row heights and
 * wrapped text, a landscape print one page wide with the column labels on every page, a dropdown with an input
 * message on every column of a fixed list or true/false, the rules of the sheet in its notes, human labels; and none
 * of it changes what Drools compiles.
 */
class TableLayoutTests {

    static Stream<String> tables() {
        return Tables.shipped().files().keySet().stream().filter(path -> path.endsWith(".drl.xlsx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void theLayoutChangesNothingDroolsCompiles(String path) throws Exception {
        byte[] shipped = Tables.shipped().files().get(path);
        byte[] plain = TableLayout.plain(path, shipped);

        for (TableSheet sheet : ruleSheets(path, shipped)) {
            assertThat(drl(shipped, sheet.name())).as(sheet.name()).isEqualTo(drl(plain, sheet.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void layingATableOutAgainWritesTheSameBytes(String path) {
        byte[] once = TableLayout.laidOut(path, Tables.shipped().files().get(path));

        assertThat(TableLayout.laidOut(path, once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyRuleSheetIsLaidOutForPeople(String path) throws Exception {
        byte[] shipped = Tables.shipped().files().get(path);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(shipped))) {
            for (TableSheet table : ruleSheets(path, shipped)) {
                XSSFSheet sheet = book.getSheet(table.name());
                int labels = table.head() + 4;
                int firstRow = table.head() + 5;
                int lastRow = table.rows().get(table.rows().size() - 1).row();

                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(sheet.getRepeatingRows()).isEqualTo(new CellRangeAddress(labels, labels, -1, -1));
                assertThat(sheet.getRow(labels).getCTRow().getCustomHeight()).isTrue();
                assertThat(sheet.getRow(labels).getCell(0).getStringCellValue()).isEqualTo("Kilde / Source");
                assertThat(notes(sheet, table)).contains("En tom betingelse betyder »enhver«", "A blank condition means \"any\"",
                        "Grey rows are the project's template");
                for (TableSheet.DataRow row : table.rows()) {
                    assertThat(sheet.getRow(row.row()).getCTRow().getCustomHeight()).as("row %d", row.row() + 1).isTrue();
                }
                for (TableSheet.Column column : table.columns()) {
                    String where = table.name() + " column " + column.label();
                    assertThat(sheet.getRow(firstRow).getCell(column.col()).getCellStyle().getWrapText()).as(where).isTrue();
                    DataValidation validation = validation(sheet, column.col(), firstRow, lastRow);
                    assertThat(validation).as(where).isNotNull();
                    assertThat(validation.getShowPromptBox()).as(where).isTrue();
                    assertThat(validation.getPromptBoxText()).as(where).isNotBlank();
                    List<String> expected = column.type() instanceof TableCellType.Flag ? List.of("true", "false")
                            : column.type() instanceof TableCellType.OneOf || column.type() instanceof TableCellType.AnyOf
                            ? column.type().domain() : null;
                    if (expected != null) {
                        DataValidationConstraint constraint = validation.getValidationConstraint();
                        assertThat(constraint.getValidationType()).as(where).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                        assertThat(Arrays.asList(constraint.getExplicitListValues())).as(where).isEqualTo(expected);
                        assertThat(validation.getPromptBoxText()).as(where).contains(column.condition() ? "Blank = any" : "");
                    }
                }
            }
        }
    }

    /**
     * The notes above a table say how Drools reads it: a Sequential table in an ACTIVATION-GROUP (the rows get
     * falling salience, and the first rule that fires cancels the rest of its group) is "the first row that matches
     * wins", every other table "every row that matches". Checked on the DRL Drools compiles, not on the settings'
     * cells.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void theNotesSayHowDroolsReadsTheTable(String path) throws Exception {
        byte[] shipped = Tables.shipped().files().get(path);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(shipped))) {
            for (TableSheet table : ruleSheets(path, shipped)) {
                String drl = drl(shipped, table.name());
                List<Integer> saliences = new ArrayList<>();
                java.util.regex.Matcher salience = java.util.regex.Pattern.compile("(?m)^\\s*salience (\\d+)$").matcher(drl);
                while (salience.find()) {
                    saliences.add(Integer.parseInt(salience.group(1)));
                }
                boolean falling = saliences.size() == table.rows().size() && java.util.stream.IntStream
                        .range(1, saliences.size()).allMatch(i -> saliences.get(i) < saliences.get(i - 1));
                boolean firstWins = falling && drl.contains("activation-group \"" + table.name() + "\"");
                String notes = notes(book.getSheet(table.name()), table);

                if (firstWins) {
                    assertThat(notes).as(table.name()).contains("Rækkefølgen betyder noget: den første række, der passer, vinder.",
                            "Order matters: the first row that matches wins.").doesNotContain("Every row that matches");
                } else {
                    assertThat(drl).as(table.name()).doesNotContain("activation-group");
                    assertThat(notes).as(table.name()).contains("Alle rækker, der passer,", "Every row that matches")
                            .doesNotContain("first row that matches");
                }
            }
        }
    }

    /** The validation of a column, where it covers every data row and some below. */
    private static DataValidation validation(XSSFSheet sheet, int col, int firstRow, int lastRow) {
        for (DataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.getFirstColumn() <= col && col <= range.getLastColumn() && range.getFirstRow() == firstRow
                        && range.getLastRow() > lastRow) {
                    return validation;
                }
            }
        }
        return null;
    }

    private static String notes(XSSFSheet sheet, TableSheet table) {
        StringBuilder notes = new StringBuilder();
        for (int r = 0; r < table.head(); r++) {
            if (sheet.getRow(r) != null && sheet.getRow(r).getCell(table.startCol()) != null) {
                notes.append(sheet.getRow(r).getCell(table.startCol()).getStringCellValue()).append('\n');
            }
        }
        return notes.toString();
    }

    static List<TableSheet> ruleSheets(String path, byte[] xlsx) throws TableRefused {
        List<TableSheet> sheets = new ArrayList<>();
        for (TableGrid grid : TableReader.read(RuleFiles.tableName(path), path, xlsx, new ArrayList<>())) {
            if (grid.ruleTable() != null) {
                sheets.add(TableSheet.read(RuleFiles.tableName(path), grid, new ArrayList<>()));
            }
        }
        return sheets;
    }

    static String drl(byte[] xlsx, String sheet) throws IOException {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), sheet);
    }
}
