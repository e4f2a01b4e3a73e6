package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.template.parser.DataListener;

/**
 * Reads a table file into grids of text, the way Drools will read it. A workbook is read part by part with SAX
 * ({@link WorkbookPackage}, {@link SheetXml}), never as a tree, each part, row, column and cell counted against
 * {@link TableLimits} as it comes; a cell reads as the text Drools makes of it (POI's formatting of a number with its
 * number format; in a merged region, the region's first cell, where the cell is written), so that the checks see
 * what is compiled. A cell that is not a plain value (a formula, an error, a fraction, a date) is a finding, and
 * reads as blank. A CSV file is read with Drools' own CSV parser ({@link TableCsv#asMeant}).
 */
final class TableReader {

    private static final java.util.regex.Pattern SHEET_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,60}");
    private static final String WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private TableReader() {
    }

    static List<TableGrid> read(String table, String path, byte[] bytes, List<Finding> errors) throws TableRefused {
        return path.endsWith(".csv") ? List.of(csv(table, bytes)) : workbook(table, WorkbookPackage.read(bytes), errors);
    }

    /** The sheets of a workbook, in the order the workbook lists them. */
    static List<TableGrid> workbook(String table, WorkbookPackage pkg, List<Finding> errors) throws TableRefused {
        String main = mainPart(pkg);
        Map<String, WorkbookPackage.Relationship> related = new HashMap<>();
        List<String> strings = List.of();
        List<WorkbookXml.NumberFormat> formats = List.of();
        for (WorkbookPackage.Relationship rel : pkg.relationships(main)) {
            if (rel.id() != null) {
                related.putIfAbsent(rel.id(), rel);
            }
            byte[] part = rel.external() ? null : pkg.part(rel.target());
            if (part != null && rel.is("sharedStrings") && strings.isEmpty()) {
                strings = WorkbookXml.sharedStrings(part, rel.target());
            } else if (part != null && rel.is("styles") && formats.isEmpty()) {
                formats = WorkbookXml.numberFormats(part, rel.target());
            }
        }
        List<TableGrid> grids = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int[] cells = {0};
        for (WorkbookXml.SheetEntry entry : WorkbookXml.sheets(pkg.part(main), main)) {
            WorkbookPackage.Relationship rel = related.get(entry.relationship());
            byte[] part = rel == null || rel.external() ? null : pkg.part(rel.target());
            if (part == null) {
                continue; // POI skips a sheet whose part is missing
            }
            if (!names.add(entry.name().toLowerCase(Locale.ROOT))) {
                throw TableRefused.unusual("to ark hedder '" + TableCellType.shorten(entry.name()) + "'",
                        "two sheets are named '" + TableCellType.shorten(entry.name()) + "'");
            }
            if (rel.is("chartsheet")) {
                grids.add(new TableGrid(entry.name(), entry.hidden(), List.of(List.of())));
                continue;
            }
            if (!rel.is("worksheet") || !WORKSHEET.equals(pkg.contentType(rel.target()))) {
                throw TableRefused.unusual("arket '" + TableCellType.shorten(entry.name()) + "' er ikke et regneark",
                        "the sheet '" + TableCellType.shorten(entry.name()) + "' is not a worksheet");
            }
            SheetXml.Cells sheet = SheetXml.read(entry.name(), part, rel.target(), cells);
            grids.add(new TableGrid(entry.name(), entry.hidden(), grid(table, entry.name(), sheet, strings, formats, errors)));
        }
        return grids;
    }

    /** The workbook part, which the package's officeDocument relationship names (as POI finds it). */
    static String mainPart(WorkbookPackage pkg) throws TableRefused {
        for (WorkbookPackage.Relationship rel : pkg.relationships("/")) {
            if (!rel.external() && rel.type().equals("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument")
                    && pkg.part(rel.target()) != null) {
                return rel.target();
            }
        }
        throw TableRefused.notAWorkbook();
    }

    private static List<List<String>> grid(String table, String sheet, SheetXml.Cells cells, List<String> strings,
                                           List<WorkbookXml.NumberFormat> formats, List<Finding> errors) throws TableRefused {
        TreeMap<Integer, TreeMap<Integer, SheetXml.RawCell>> rows = cells.rows();
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        int last = rows.isEmpty() ? 0 : rows.lastKey();
        List<List<String>> own = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            TreeMap<Integer, SheetXml.RawCell> row = rows.get(r);
            List<String> values = new ArrayList<>();
            if (row != null && !row.isEmpty()) {
                for (int c = 0; c <= row.lastKey(); c++) {
                    SheetXml.RawCell cell = row.get(c);
                    values.add(cell == null ? "" : text(table, sheet, cell, strings, formats, formatter, errors));
                }
            }
            own.add(values);
        }
        if (cells.merged().isEmpty()) {
            return own;
        }
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r < own.size(); r++) {
            List<String> values = new ArrayList<>(own.get(r));
            TreeMap<Integer, SheetXml.RawCell> row = rows.get(r);
            for (int c = 0; row != null && c < values.size(); c++) {
                CellRangeAddress region = row.containsKey(c) ? region(cells.merged(), r, c) : null;
                if (region != null) { // Drools reads every written cell of a merged region as the region's first cell
                    List<String> first = region.getFirstRow() < own.size() ? own.get(region.getFirstRow()) : List.of();
                    values.set(c, region.getFirstColumn() < first.size() ? first.get(region.getFirstColumn()) : "");
                }
            }
            grid.add(values);
        }
        return grid;
    }

    private static CellRangeAddress region(List<CellRangeAddress> merged, int row, int col) {
        for (CellRangeAddress region : merged) {
            if (region.isInRange(row, col)) {
                return region;
            }
        }
        return null;
    }

    /** A cell's text as Drools will read it; a finding (and "") for what is not a plain value. */
    private static String text(String table, String sheet, SheetXml.RawCell cell, List<String> strings,
                               List<WorkbookXml.NumberFormat> formats, DataFormatter formatter, List<Finding> errors)
            throws TableRefused {
        String ref = sheet + "!" + new CellReference(cell.row(), cell.col()).formatAsString(false);
        String value = cell.value();
        if (cell.formula()) {
            errors.add(Finding.of(table, ref, "formler er ikke tilladt (heller ikke henvisninger til andre filer); "
                    + "skriv værdien", "formulas are not allowed (nor references to other files); type the value"));
            return "";
        }
        switch (cell.type() == null ? "n" : cell.type()) {
            case "s" -> {
                int index = value == null ? -1 : parseIndex(value);
                if (index < 0 || index >= strings.size()) {
                    throw TableRefused.unusual("cellen " + ref + " henviser til en tekst, filen ikke har",
                            "the cell " + ref + " refers to a text the file does not hold");
                }
                return strings.get(index);
            }
            case "inlineStr", "str" -> {
                return value == null ? "" : WorkbookXml.decoded(value);
            }
            case "b" -> {
                return "1".equals(value) ? "true" : "false";
            }
            case "e" -> {
                errors.add(Finding.of(table, ref, "cellen indeholder en fejlværdi; skriv værdien",
                        "the cell holds an error value; type the value"));
                return "";
            }
            case "n" -> {
                return value == null ? "" : number(table, ref, value, cell.style(), formats, formatter, errors);
            }
            default -> throw TableRefused.unusual("cellen " + ref + " har en ukendt type",
                    "the cell " + ref + " has an unknown type");
        }
    }

    /** A number as POI formats it with the cell's number format, which is what Drools compiles. */
    private static String number(String table, String ref, String value, int style, List<WorkbookXml.NumberFormat> formats,
                                 DataFormatter formatter, List<Finding> errors) throws TableRefused {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw TableRefused.unusual("cellen " + ref + " har et tal, der ikke er et tal", "the cell " + ref + " holds a number that is not one");
        }
        WorkbookXml.NumberFormat format = style >= 0 && style < formats.size() ? formats.get(style) : null;
        if (format == null) {
            errors.add(Finding.of(table, ref, "cellens talformat kan ikke læses; formatér cellen som tekst, og skriv værdien",
                    "the cell's number format cannot be read; format the cell as text and type the value"));
            return "";
        }
        if (DateUtil.isADateFormat(format.id(), format.code()) && DateUtil.isValidExcelDate(number)) {
            errors.add(Finding.of(table, ref, "datoer er ikke tilladt; formatér cellen som tekst, og skriv værdien",
                    "dates are not allowed; format the cell as text and type the value"));
            return "";
        }
        if (number != Math.rint(number) || Math.abs(number) > 999_999_999) {
            errors.add(Finding.of(table, ref, "kun hele tal er tilladt", "only whole numbers are allowed"));
            return "";
        }
        return formatter.formatRawCellContents(number, format.id(), format.code());
    }

    private static int parseIndex(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A CSV table read by Drools' own CSV parser, so the cells checked are exactly the cells compiled. It is one
     * sheet, named like its rule table ({@code RuleTable Routes}: Routes), so that it can stand for a workbook's rule
     * sheet of that name and its rules are named alike ({@code Routes_22}); without a rule table, like the table.
     */
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
        new CsvParser(grid, new CsvLineParser()).parseFile(new ByteArrayInputStream(TableCsv.asMeant(bytes)));
        int[] at = new TableGrid(table, false, rows).ruleTable();
        String ruleTable = at == null ? "" : rows.get(at[0]).get(at[1]).trim().substring("RuleTable".length()).trim();
        return new TableGrid(SHEET_NAME.matcher(ruleTable).matches() ? ruleTable : table, false, rows);
    }
}
