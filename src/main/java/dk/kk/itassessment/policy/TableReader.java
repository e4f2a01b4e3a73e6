package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.template.parser.DataListener;

/**
 * Reads a table file into grids of text, the way Drools will read it: a workbook with POI (after {@link TableGuard}
 * has looked at its bytes; POI's own zip-bomb limits stay as they are), a CSV file with Drools' own CSV parser. A
 * cell that is not a plain value (a formula, a fraction, an error) is a finding, and reads as blank.
 */
final class TableReader {

    private TableReader() {
    }

    static List<TableGrid> read(String table, String path, byte[] bytes, List<Finding> errors) {
        return path.endsWith(".csv") ? List.of(csv(table, bytes)) : workbook(table, bytes, errors);
    }

    private static List<TableGrid> workbook(String table, byte[] bytes, List<Finding> errors) {
        List<TableGrid> grids = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                List<List<String>> cells = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            values.add(text(table, sheet.getSheetName(), row.getCell(c), errors));
                        }
                    }
                    cells.add(values);
                }
                boolean hidden = workbook.getSheetVisibility(s) != SheetVisibility.VISIBLE;
                grids.add(new TableGrid(sheet.getSheetName(), hidden, cells));
            }
        } catch (IOException | RuntimeException e) {
            errors.add(Finding.of(table, null, "filen kan ikke læses som et .xlsx-regneark",
                    "the file cannot be read as an .xlsx workbook"));
            return List.of();
        }
        return grids;
    }

    private static String text(String table, String sheet, Cell cell, List<Finding> errors) {
        if (cell == null) {
            return "";
        }
        String ref = sheet + "!" + cell.getAddress().formatAsString();
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                if (value != Math.rint(value) || Math.abs(value) > 999_999_999) {
                    errors.add(Finding.of(table, ref, "kun hele tal er tilladt", "only whole numbers are allowed"));
                    yield "";
                }
                yield Long.toString((long) value);
            }
            case FORMULA -> {
                errors.add(Finding.of(table, ref, "formler er ikke tilladt (heller ikke henvisninger til andre filer); "
                        + "skriv værdien", "formulas are not allowed (nor references to other files); type the value"));
                yield "";
            }
            case ERROR -> {
                errors.add(Finding.of(table, ref, "cellen indeholder en fejlværdi; skriv værdien",
                        "the cell holds an error value; type the value"));
                yield "";
            }
            default -> "";
        };
    }

    /** A CSV table read by Drools' own CSV parser, so the cells checked are exactly the cells compiled. */
    private static TableGrid csv(String table, byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        DataListener grid = new DataListener() {
            @Override
            public void startSheet(String name) {
            }

            @Override
            public void finishSheet() {
            }

            @Override
            public void newRow(int row, int columns) {
                while (rows.size() <= row) {
                    rows.add(new ArrayList<>());
                }
            }

            @Override
            public void newCell(int row, int column, String value, int mergedColStart) {
                newRow(row, column + 1);
                List<String> cells = rows.get(row);
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, value == null ? "" : value);
            }
        };
        new CsvParser(grid, new CsvLineParser()).parseFile(new ByteArrayInputStream(bytes));
        return new TableGrid(table, false, rows);
    }
}
