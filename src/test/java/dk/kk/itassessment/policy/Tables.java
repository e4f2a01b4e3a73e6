package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test fixtures: the shipped rule set, and copies of its tables with a cell or a workbook changed. */
final class Tables {

    static final String ROUTES = "decision-tables/routes.drl.xlsx";
    static final String CHECKLIST = "decision-tables/checklist.drl.xlsx";

    private static RuleFiles shipped;

    private Tables() {
    }

    static synchronized RuleFiles shipped() {
        if (shipped == null) {
            shipped = RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));
        }
        return shipped;
    }

    /** The shipped rule set with one file put in (or replaced). */
    static RuleFiles with(String path, byte[] bytes) {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put(path, bytes);
        return new RuleFiles(files);
    }

    /** A shipped table with one cell changed ({@code "Routes!I21"}). */
    static byte[] cell(String path, String ref, Consumer<Cell> change) {
        return workbook(path, book -> change.accept(at(book, ref)));
    }

    /** A shipped table with a cell set to text. */
    static byte[] text(String path, String ref, String value) {
        return texts(path, Map.of(ref, value));
    }

    /** A shipped table with cells set to text, by reference ({@code "Routes!C20"}). */
    static byte[] texts(String path, Map<String, String> cells) {
        return workbook(path, book -> cells.forEach((ref, value) -> at(book, ref).setCellValue(value)));
    }

    private static Cell at(XSSFWorkbook book, String ref) {
        CellReference at = new CellReference(ref);
        XSSFSheet sheet = book.getSheet(at.getSheetName());
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        Cell cell = row.getCell(at.getCol());
        return cell == null ? row.createCell(at.getCol()) : cell;
    }

    /** A shipped table changed through POI and written again. */
    static byte[] workbook(String path, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(shipped().files().get(path)))) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checks of an upload that replaces {@code path} of the shipped rule set. */
    static TableChecks.Findings upload(String path, byte[] bytes) {
        return TableChecks.check(with(path, bytes), shipped());
    }
}
