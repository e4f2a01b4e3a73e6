package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lays the shipped decision tables out for the people who edit and print them, keeping every value where it is: it
 * reads each {@code decision-tables/*.drl.xlsx} and writes it again with the same cells (the settings, the template,
 * the rows), the same merged fact-type cells, and the house layout — widths by what a column takes, wrapped text and
 * row heights that fit it, the grey template in small print, a bordered table, a dropdown with an input message on
 * every column of a fixed list or true/false (a whole-number or text-length check on the others), the rules of the
 * sheet in the notes above the table, and a landscape print (A4, A3 for the widest tables) that fits the width and
 * repeats the column labels.
 * Nothing of this reaches Drools ({@code TableLayoutTests} compiles each sheet both ways). It writes the same bytes
 * for the same values, so running it again changes no fingerprint. Run it after changing the layout here:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dk.kk.itassessment.policy.TableLayout</pre>
 */
public final class TableLayout {

    /** The first sentence of each sheet's notes: how it decides. */
    private static final Map<String, String[]> PURPOSE = Map.of(
            "Routes", new String[] {"Første række, der passer, vælger ruten og dens sagsbehandlingsdage.",
                    "The first row that matches chooses the route and its processing days."},
            "RiskTier", new String[] {"Første række, der passer, vælger risikoniveauet.",
                    "The first row that matches chooses the risk tier."},
            "ReviewLevels", new String[] {"Første række, der passer, vælger sikkerhedsgennemgangen og dens ekstra dage.",
                    "The first row that matches chooses the security review and its extra days."},
            "DataChecklist", new String[] {"Alle rækker, der passer, tilføjer deres punkt til tjeklisten.",
                    "Every row that matches adds its item to the checklist."},
            "Checklist", new String[] {"Alle rækker, der passer, tilføjer deres punkt; hvert punkt højst én gang.",
                    "Every row that matches adds its item; each item at most once."},
            "Warnings", new String[] {"Alle rækker, der passer, giver deres advarsel.",
                    "Every row that matches raises its warning."});
    private static final String[] FIRST_MATCH = {
            "Rækkefølgen betyder noget: den første række, der passer, vinder. Tabellen skal dække enhver anmodning "
                    + "(en sidste række med tomme betingelser gør det).",
            "Order matters: the first row that matches wins. The table must cover every request (a last row with "
                    + "blank conditions does)."};
    private static final String[] TEMPLATE = {
            "Grå rækker er projektets skabelon og må ikke ændres. Ret værdierne i de hvide rækker, eller tilføj en "
                    + "række lige under den sidste; en tom række afslutter tabellen. Kolonne A er fri til noter.",
            "Grey rows are the project's template and may not change. Change the values in the white rows, or add a "
                    + "row right below the last; a blank row ends the table. Column A is free for notes."};
    private static final String[] CELLS = {
            "En tom betingelse betyder »enhver«. (en af): en eller flere værdier adskilt af kommaer; (ingen af): ingen "
                    + "af dem. true eller false; hele tal fra 0 til 9999; tekst på højst 1.000 tegn uden \" og \\ "
                    + "(brug » « eller “ ”). Ingen formler.",
            "A blank condition means \"any\". (any of): one or more values separated by commas; (none of): none of "
                    + "them. true or false; whole numbers from 0 to 9999; text of at most 1,000 characters without \" "
                    + "and \\ (use “ ” or » «). No formulas."};
    private static final String[] SOURCE = {"Kilde / Source"};
    /** Room for new rows below the last: the data validations reach this far. */
    private static final int NEW_ROWS = 50;
    private static final Date WRITTEN = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z: the same bytes every run
    private static final long ZIP_TIME = WRITTEN.getTime();

    private TableLayout() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "decision-tables");
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl.xlsx")).sorted().toList()) {
                Files.write(file, laidOut(file.getFileName().toString(), Files.readAllBytes(file)));
                System.out.println("laid out " + file);
            }
        }
    }

    /** A table file with the house layout, every value in its place. */
    static byte[] laidOut(String fileName, byte[] xlsx) {
        return write(fileName, xlsx, true);
    }

    /** The same values in the same places, with nothing else: what the layout is compared with. */
    static byte[] plain(String fileName, byte[] xlsx) {
        return write(fileName, xlsx, false);
    }

    private static byte[] write(String fileName, byte[] xlsx, boolean layout) {
        String table = RuleFiles.tableName(fileName);
        try (XSSFWorkbook source = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            for (int s = 0; s < source.getNumberOfSheets(); s++) {
                XSSFSheet from = source.getSheetAt(s);
                List<Finding> errors = new ArrayList<>();
                TableGrid grid = TableReader.read(table, fileName, xlsx, errors).get(s);
                TableSheet sheet = TableSheet.read(table, grid, errors);
                if (sheet == null || !errors.isEmpty()) {
                    throw new IllegalStateException(fileName + " is not a valid table: " + errors);
                }
                XSSFSheet to = book.createSheet(from.getSheetName());
                copyValues(from, to, sheet, layout);
                for (CellRangeAddress merged : from.getMergedRegions()) {
                    if (merged.getFirstRow() > sheet.head()) {
                        to.addMergedRegion(merged);
                    }
                }
                if (layout) {
                    new SheetLayout(to, sheet, styles).apply();
                }
            }
            book.getProperties().getCoreProperties().setCreated(Optional.of(WRITTEN));
            book.getProperties().getCoreProperties().setModified(Optional.of(WRITTEN));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return fixedTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TableRefused e) {
            throw new IllegalStateException(fileName + ": " + e.getMessage());
        }
    }

    /** Every value as text in its cell; above the table only the settings (the notes are written anew). */
    private static void copyValues(XSSFSheet from, XSSFSheet to, TableSheet sheet, boolean layout) {
        for (int r = 0; r <= from.getLastRowNum(); r++) {
            XSSFRow row = from.getRow(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                String value = sheet.grid().at(r, c);
                boolean setting = sheet.settings().stream().anyMatch(st -> st.row() == row.getRowNum());
                if (layout && (r < sheet.head() && !setting || r == sheet.head() + 4 && c == 0)) {
                    continue; // a note, a blank row above the table, the label of column A: written by the layout
                }
                if (row.getCell(c) != null || !value.isEmpty()) {
                    cell(to, r, c).setCellValue(value);
                }
            }
        }
        if (layout) {
            cell(to, sheet.head() + 4, 0).setCellValue(SOURCE[0]);
        }
    }

    static XSSFCell cell(XSSFSheet sheet, int r, int c) {
        XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    /** The zip again with every entry's time fixed, so that the same workbook is the same bytes. */
    private static byte[] fixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry fixed = new ZipEntry(entry.getName());
                fixed.setTime(ZIP_TIME);
                copy.putNextEntry(fixed);
                copy.write(in.readAllBytes());
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The styles of the house, made once per workbook. */
    private static final class Styles {

        final CellStyle setting;
        final CellStyle note;
        final CellStyle ruleTable;
        final CellStyle code;
        final CellStyle label;
        final CellStyle value;
        final CellStyle text;
        final CellStyle source;
        final CellStyle newValue;
        final CellStyle newText;

        Styles(XSSFWorkbook book) {
            Font small = font(book, 8, false, IndexedColors.GREY_50_PERCENT);
            Font normal = font(book, 10, false, IndexedColors.BLACK);
            Font bold = font(book, 10, true, IndexedColors.BLACK);
            setting = style(book, small, IndexedColors.GREY_25_PERCENT, false, false);
            note = style(book, normal, null, true, false);
            ruleTable = style(book, font(book, 11, true, IndexedColors.BLACK), IndexedColors.GREY_25_PERCENT, false, true);
            code = style(book, small, IndexedColors.GREY_25_PERCENT, false, true);
            label = style(book, bold, IndexedColors.GREY_40_PERCENT, true, true);
            value = style(book, normal, null, true, true);
            text = style(book, normal, null, true, true);
            source = style(book, small, null, true, false);
            newValue = style(book, normal, null, true, false);
            newText = style(book, normal, null, true, false);
            short asText = book.createDataFormat().getFormat("@");
            for (CellStyle style : List.of(value, text, newValue, newText)) {
                style.setDataFormat(asText); // a number or a date typed in stays the text it looks like
            }
        }

        private static Font font(XSSFWorkbook book, int points, boolean bold, IndexedColors colour) {
            Font font = book.createFont();
            font.setFontName("Arial");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setColor(colour.getIndex());
            return font;
        }

        private static CellStyle style(XSSFWorkbook book, Font font, IndexedColors fill, boolean wrap, boolean border) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setWrapText(wrap);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (fill != null) {
                style.setFillForegroundColor(fill.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (border) {
                for (var side : List.<java.util.function.Consumer<BorderStyle>>of(style::setBorderTop, style::setBorderBottom,
                        style::setBorderLeft, style::setBorderRight)) {
                    side.accept(BorderStyle.THIN);
                }
                style.setTopBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                style.setBottomBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                style.setLeftBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                style.setRightBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
            }
            return style;
        }
    }

    /** The layout of one rule sheet. */
    private record SheetLayout(XSSFSheet sheet, TableSheet table, Styles styles) {

        private static final int SOURCE_WIDTH = 12;
        private static final double NORMAL = 1.3;
        private static final double BOLD = 1.3;
        private static final double CAPITALS = 1.05;
        private static final float LINE = 12.8f;

        void apply() {
            int first = table.startCol();
            int last = first + table.columns().size() - 1;
            int head = table.head();
            int lastData = table.rows().isEmpty() ? head + 4 : table.rows().get(table.rows().size() - 1).row();
            sheet.setColumnWidth(0, SOURCE_WIDTH * 256);
            for (TableSheet.Column column : table.columns()) {
                sheet.setColumnWidth(column.col(), width(column) * 256);
            }
            for (TableSheet.Setting setting : table.settings()) {
                for (int c = setting.col(); c <= setting.col() + 1; c++) {
                    cell(sheet, setting.row(), c).setCellStyle(styles.setting);
                }
                sheet.getRow(setting.row()).setHeightInPoints(11);
            }
            notes(head, first, last);
            for (int c = first; c <= last; c++) {
                cell(sheet, head, c).setCellStyle(styles.ruleTable);
                for (int r = head + 1; r <= head + 3; r++) {
                    cell(sheet, r, c).setCellStyle(styles.code);
                }
                cell(sheet, head + 4, c).setCellStyle(styles.label);
            }
            for (int r = head + 1; r <= head + 3; r++) {
                sheet.getRow(r).setHeightInPoints(11);
            }
            cell(sheet, head + 4, 0).setCellStyle(styles.source);
            sheet.getRow(head + 4).setHeightInPoints(height(head + 4, first, last, true));
            for (TableSheet.DataRow row : table.rows()) {
                for (TableSheet.Column column : table.columns()) {
                    cell(sheet, row.row(), column.col()).setCellStyle(column.type() instanceof TableCellType.Text
                            ? styles.text : styles.value);
                }
                if (sheet.getRow(row.row()).getCell(0) != null) {
                    sheet.getRow(row.row()).getCell(0).setCellStyle(styles.source);
                }
                sheet.getRow(row.row()).setHeightInPoints(height(row.row(), first, last, false));
            }
            for (TableSheet.Column column : table.columns()) {
                sheet.setDefaultColumnStyle(column.col(), column.type() instanceof TableCellType.Text ? styles.newText : styles.newValue);
                validation(column, head + 5, Math.min(lastData + NEW_ROWS, TableLimits.MAX_ROWS - 1));
            }
            sheet.createFreezePane(1, head + 5);
            print(head);
        }

        /** The rules of the sheet, in three merged rows right above the table. */
        private void notes(int head, int first, int last) {
            String[] purpose = PURPOSE.get(table.name());
            String[] order = table.firstMatch() ? FIRST_MATCH : new String[] {"", ""};
            String[][] notes = {
                    {purpose[0] + " " + order[0], purpose[1] + " " + order[1]}, TEMPLATE, CELLS};
            int totalWidth = 0;
            for (TableSheet.Column column : table.columns()) {
                totalWidth += width(column);
            }
            for (int i = 0; i < notes.length; i++) {
                int r = head - notes.length + i;
                String text = notes[i][0].strip() + "\n" + notes[i][1].strip();
                for (int c = first; c <= last; c++) {
                    cell(sheet, r, c).setCellStyle(styles.note);
                }
                cell(sheet, r, first).setCellValue(text);
                sheet.addMergedRegion(new CellRangeAddress(r, r, first, last));
                int lines = lines(notes[i][0], totalWidth, NORMAL) + lines(notes[i][1], totalWidth, NORMAL);
                sheet.getRow(r).setHeightInPoints(lines * LINE + 3);
            }
        }

        /** The height of a row that shows all its wrapped text. */
        private float height(int r, int first, int last, boolean bold) {
            int lines = 1;
            for (int c = first; c <= last; c++) {
                TableSheet.Column column = table.columns().get(c - first);
                String value = table.grid().at(r, c);
                double perUnit = bold ? BOLD : value.equals(value.toUpperCase(java.util.Locale.ROOT)) ? CAPITALS : NORMAL;
                lines = Math.max(lines, lines(value, width(column) - 1, perUnit));
            }
            return lines * LINE + 3;
        }

        /**
         * Lines a text takes in a column of this width (in the units of column widths), breaking at spaces, at
         * {@code perUnit} characters a unit (Arial 10 as LibreOffice draws it).
         */
        private static int lines(String text, int width, double perUnit) {
            int lines = 1;
            double used = 0;
            for (String word : text.split(" ")) {
                double length = word.length() / perUnit;
                if (used > 0 && used + 1 + length > width) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + length;
                while (used > width) {
                    lines++;
                    used -= width;
                }
            }
            return lines;
        }

        /**
         * A column's width: text wide; a value of a list as wide as the longest the list has, a code as the longest in
         * the column, so that neither breaks; a flag or a number narrow.
         */
        private int width(TableSheet.Column column) {
            TableCellType type = column.type();
            int longest = type instanceof TableCellType.OneOf || type instanceof TableCellType.AnyOf
                    ? type.domain().stream().mapToInt(String::length).max().orElse(10)
                    : type instanceof TableCellType.Code
                    ? table.rows().stream().mapToInt(r -> r.values().get(column.col() - table.startCol()).length()).max().orElse(10)
                    : 0;
            if (longest > 0) {
                return Math.max(14, (int) Math.ceil(longest / CAPITALS) + 2);
            }
            return type instanceof TableCellType.Text ? 34 : type instanceof TableCellType.WholeNumber ? 16 : 12;
        }

        /** A dropdown with an input message on a column of a fixed list or a flag; a bound on the others. */
        private void validation(TableSheet.Column column, int firstRow, int lastRow) {
            XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
            String any = column.condition() ? " Tom = enhver." : "";
            String anyEn = column.condition() ? " Blank = any." : "";
            DataValidationConstraint constraint;
            String da;
            String en;
            boolean strict = true;
            TableCellType type = column.type();
            if (type instanceof TableCellType.Flag) {
                constraint = helper.createExplicitListConstraint(new String[] {"true", "false"});
                da = "true eller false." + any;
                en = "true or false." + anyEn;
            } else if (type instanceof TableCellType.OneOf one) {
                constraint = helper.createExplicitListConstraint(one.domain().toArray(String[]::new));
                da = "Vælg en værdi på listen." + any;
                en = "Pick a value from the list." + anyEn;
            } else if (type instanceof TableCellType.AnyOf anyOf) {
                constraint = helper.createExplicitListConstraint(anyOf.domain().toArray(String[]::new));
                boolean none = column.code().contains("!=");
                da = "En eller flere værdier fra listen, adskilt af kommaer; rækken gælder, når værdien er "
                        + (none ? "ingen af dem." : "en af dem.") + any;
                en = "One or more values from the list, separated by commas; the row applies when the value is "
                        + (none ? "none of them." : "one of them.") + anyEn;
                strict = false;
            } else if (type instanceof TableCellType.WholeNumber number) {
                constraint = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        Integer.toString(number.min()), Integer.toString(number.max()));
                da = "Et helt tal fra " + number.min() + " til " + number.max() + ".";
                en = "A whole number from " + number.min() + " to " + number.max() + ".";
            } else if (type instanceof TableCellType.Text text) {
                constraint = helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.BETWEEN, "1",
                        Integer.toString(text.maxLength()));
                da = "Tekst på højst " + text.maxLength() + " tegn, uden \" og \\.";
                en = "Text of at most " + text.maxLength() + " characters, without \" and \\.";
            } else {
                constraint = helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.BETWEEN, "1", "100");
                da = "En kode: store bogstaver, cifre og _, begynd med et bogstav.";
                en = "A code: capital letters, digits and _, starting with a letter.";
            }
            DataValidation validation = helper.createValidation(constraint,
                    new CellRangeAddressList(firstRow, lastRow, column.col(), column.col()));
            validation.setEmptyCellAllowed(true);
            validation.setShowPromptBox(true);
            String title = column.label().contains(" / ") ? column.label().substring(column.label().indexOf(" / ") + 3) : column.label();
            validation.createPromptBox(title.length() > 32 ? title.substring(0, 32) : title, da + "\n" + en);
            validation.setShowErrorBox(strict);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Ikke tilladt / Not allowed", da + "\n" + en);
            sheet.addValidationData(validation);
        }

        /**
         * Landscape, one page wide, the column labels on every page: on A4, or on A3 where A4 would shrink the table
         * below 55 % (a column width unit prints about 5.4 points wide; A4 landscape holds 784 points within the
         * margins).
         */
        private void print(int head) {
            int width = SOURCE_WIDTH;
            for (TableSheet.Column column : table.columns()) {
                width += width(column);
            }
            PrintSetup setup = sheet.getPrintSetup();
            setup.setLandscape(true);
            setup.setPaperSize(784.0 / (width * 5.4) < 0.55 ? PrintSetup.A3_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
            setup.setFitWidth((short) 1);
            setup.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
            sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
            sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.TopMargin, 0.6);
            sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.BottomMargin, 0.6);
            sheet.setRepeatingRows(new CellRangeAddress(head + 4, head + 4, -1, -1));
            sheet.getHeader().setLeft("Beslutningstabel / Decision table: &A");
            sheet.getFooter().setRight("&P / &N");
        }
    }
}
