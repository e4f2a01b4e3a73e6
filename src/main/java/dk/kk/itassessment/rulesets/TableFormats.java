package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A stored table in the other format: a workbook's rule sheet as CSV (the form Drools reads as a {@code .drl.csv}
 * table, quotes doubled), or a CSV table as a workbook of one sheet. Values are copied as text; nothing is evaluated.
 */
final class TableFormats {

    private TableFormats() {
    }

    /** The sheet {@code sheet} of a workbook as CSV; without a name, the one sheet that holds a rule table. */
    static byte[] csv(byte[] xlsx, String sheet) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet chosen = sheet == null ? ruleSheet(workbook) : workbook.getSheet(sheet);
            if (chosen == null) {
                throw new InvalidRequest("sheet", "the workbook has no sheet '" + RuleSetLibrary.shorten(sheet)
                        + "'; its rule sheets are " + String.join(", ", ruleSheets(workbook)));
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            StringBuilder out = new StringBuilder();
            for (int r = 0; r <= chosen.getLastRowNum(); r++) {
                Row row = chosen.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null || cell.getCellType() == CellType.FORMULA ? "" : formatter.formatCellValue(cell));
                    }
                }
                out.append(String.join(",", cells.stream().map(TableFormats::quote).toList())).append("\r\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV table as a workbook with one sheet called {@code sheet}. */
    static byte[] xlsx(byte[] csv, String sheet) {
        CsvLineParser parser = new CsvLineParser();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet target = workbook.createSheet(sheet);
            String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r?\n", -1);
            for (int r = 0; r < lines.length; r++) {
                List<String> values = parser.parse(lines[r]);
                Row row = target.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet ruleSheet(Workbook workbook) {
        List<String> names = ruleSheets(workbook);
        if (names.size() != 1) {
            throw new InvalidRequest("sheet", "name the sheet to convert: one of " + String.join(", ", names));
        }
        return workbook.getSheet(names.get(0));
    }

    private static List<String> ruleSheets(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (Sheet s : workbook) {
            boolean rules = false;
            for (Row row : s) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                        rules = true;
                    }
                }
            }
            if (rules) {
                names.add(s.getSheetName());
            }
        }
        return names;
    }

    private static String quote(String value) {
        if (value.isEmpty()) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
