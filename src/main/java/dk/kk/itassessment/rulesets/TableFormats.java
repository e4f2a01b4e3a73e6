package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.policy.TableChecks;
import dk.kk.itassessment.policy.TableCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A stored table for download in the other format, or as CSV: a workbook's rule sheet as CSV (the form Drools reads as
 * a {@code .drl.csv} table, its cells as the checks and Drools read them), a CSV table as a workbook of one sheet.
 * Every CSV written has its formula-like cells neutralised ({@link TableCsv}); values are copied as text, nothing is
 * evaluated. A stored file that cannot be converted is a 409 saying so, never an error of the service.
 */
final class TableFormats {

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private TableFormats() {
    }

    /** A stored table as CSV: a CSV table neutralised, or the sheet {@code sheet} of a workbook (without one, its one rule sheet). */
    static byte[] csv(String path, byte[] stored, String sheet) {
        if (path.endsWith(".csv")) {
            return TableCsv.neutralised(stored);
        }
        List<TableChecks.Sheet> sheets = TableChecks.sheets(path, stored);
        if (sheets.isEmpty()) {
            throw new Conflict("The stored table " + Tables.name(path) + " cannot be read as a workbook, so it cannot be "
                    + "converted to CSV; download it as stored.");
        }
        List<String> ruleSheets = sheets.stream().filter(TableChecks.Sheet::ruleTable).map(TableChecks.Sheet::name).toList();
        TableChecks.Sheet chosen = sheet == null ? ruleSheet(sheets, ruleSheets)
                : sheets.stream().filter(s -> s.name().equalsIgnoreCase(sheet)).findFirst().orElse(null);
        if (chosen == null) {
            throw new InvalidRequest("sheet", "the workbook has no sheet '" + VersionIds.shorten(sheet)
                    + "'; its rule sheets are " + String.join(", ", ruleSheets));
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : chosen.cells()) {
            out.append(TableCsv.line(row)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV table, its cells as meant, as a workbook with one sheet called {@code sheet}. */
    static byte[] xlsx(byte[] csv, String sheet) {
        CsvLineParser parser = new CsvLineParser();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet target = workbook.createSheet(sheet);
            String[] lines = new String(TableCsv.asMeant(csv), StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
            if (lines.length > SpreadsheetVersion.EXCEL2007.getMaxRows()) {
                throw cannotConvert(sheet, "it has more lines than a sheet has rows");
            }
            for (int r = 0; r < lines.length; r++) {
                List<String> values = parser.parse(lines[r]);
                if (values.size() > SpreadsheetVersion.EXCEL2007.getMaxColumns()) {
                    throw cannotConvert(sheet, "line " + (r + 1) + " has more cells than a sheet has columns");
                }
                Row row = target.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c).length() > MAX_TEXT) {
                        throw cannotConvert(sheet, "a cell of line " + (r + 1) + " is longer than a workbook cell may be ("
                                + MAX_TEXT + " characters)");
                    }
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

    private static Conflict cannotConvert(String table, String why) {
        return new Conflict("The stored table " + table + " cannot be converted to a workbook: " + why
                + "; download it as stored.");
    }

    private static TableChecks.Sheet ruleSheet(List<TableChecks.Sheet> sheets, List<String> ruleSheets) {
        if (ruleSheets.size() != 1) {
            throw new InvalidRequest("sheet", "name the sheet to convert: one of " + String.join(", ", ruleSheets));
        }
        return sheets.stream().filter(s -> s.name().equals(ruleSheets.get(0))).findFirst().orElseThrow();
    }
}
