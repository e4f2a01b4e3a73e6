package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.template.parser.DataListener;

/**
 * The officers' spreadsheets: read each sheet that holds a {@code RuleTable}, check every data cell against the
 * type its column's code asks for, and only then let Drools turn the sheet into DRL. A cell never becomes code
 * unchecked: text goes into a string literal and may not contain a quote or a backslash, a number or a boolean
 * must be just that, and a list or an enum value must be made of known codes.
 */
final class DecisionTables {

    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)_(\\d+)\"", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");
    private static final Pattern LITERAL = Pattern.compile("true|false|-?\\d{1,9}");
    private static final Pattern DAYS = Pattern.compile("setDays\\(|setExtraDays\\(|setOrder\\(");
    private static final int MAX_TEXT = 1000;

    private DecisionTables() {
    }

    /** One compiled sheet: the DRL Drools made of it, and where each of its rules came from. */
    record CompiledSheet(String file, String sheet, String drl, List<RuleOrigin> rules) {
    }

    /** A rule made from a table row: its name ({@code Routes_14}) and the spreadsheet row (1-based). */
    record RuleOrigin(String name, int row, int drlLine) {
    }

    /** Checks and compiles every rule sheet of one table file; problems are added to {@code problems}. */
    static List<CompiledSheet> compile(String file, byte[] bytes, List<String> problems) {
        List<Grid> grids = file.endsWith(".csv") ? List.of(csv(file, bytes)) : sheets(file, bytes, problems);
        List<CompiledSheet> compiled = new ArrayList<>();
        for (Grid grid : grids) {
            if (!grid.hasRuleTable()) {
                continue; // a guide or notes sheet
            }
            int before = problems.size();
            check(file, grid, problems);
            if (problems.size() > before) {
                continue;
            }
            try {
                String drl = file.endsWith(".csv")
                        ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV)
                        : new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), grid.name());
                compiled.add(rename(file, grid.name(), drl));
            } catch (RuntimeException e) {
                problems.add(where(file, grid.name()) + ": " + e.getMessage());
            }
        }
        return compiled;
    }

    /** Drools names a sheet's rules "{table} {sheet}_{row}"; we name them "{sheet}_{row}". */
    private static CompiledSheet rename(String file, String sheet, String drl) {
        List<RuleOrigin> rules = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = RULE_NAME.matcher(drl);
        int last = 0;
        while (m.find()) {
            String name = sheet + "_" + m.group(2);
            out.append(drl, last, m.start()).append("rule \"").append(name).append('"');
            last = m.end();
            int line = (int) out.chars().filter(c -> c == '\n').count() + 1;
            rules.add(new RuleOrigin(name, Integer.parseInt(m.group(2)), line));
        }
        out.append(drl.substring(last));
        return new CompiledSheet(file, sheet, out.toString(), rules);
    }

    static String where(String file, String sheet) {
        return file.endsWith(".csv") ? file : file + ", sheet " + sheet;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** A sheet as text cells; {@code cells[row][col]}, 0-based; blank cells are "". */
    record Grid(String name, List<List<String>> cells) {

        String at(int row, int col) {
            if (row < 0 || row >= cells.size()) {
                return "";
            }
            List<String> r = cells.get(row);
            return col < r.size() ? r.get(col) : "";
        }

        boolean hasRuleTable() {
            return cells.stream().flatMap(List::stream)
                    .anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).startsWith("ruletable"));
        }
    }

    private static List<Grid> sheets(String file, byte[] bytes, List<String> problems) {
        List<Grid> grids = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                List<List<String>> cells = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            values.add(text(file, sheet.getSheetName(), row.getCell(c), problems));
                        }
                    }
                    cells.add(values);
                }
                grids.add(new Grid(sheet.getSheetName(), cells));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": not a readable .xlsx workbook");
        }
        return grids;
    }

    private static String text(String file, String sheet, Cell cell, List<String> problems) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        String ref = new CellReference(cell).formatAsString(false);
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                if (value != Math.rint(value) || Math.abs(value) > 999_999_999) {
                    problems.add(where(file, sheet) + ", cell " + ref + ": only whole numbers are allowed");
                    yield "";
                }
                yield Long.toString((long) value);
            }
            case FORMULA -> {
                problems.add(where(file, sheet) + ", cell " + ref + ": formulas are not allowed; type the value");
                yield "";
            }
            default -> "";
        };
    }

    /** A CSV table read by Drools' own CSV parser, so the cells checked are exactly the cells compiled. */
    private static Grid csv(String file, byte[] bytes) {
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
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".drl.csv", "");
        return new Grid(name, rows);
    }

    // The template: what a sheet may hold outside its data rows. Anything else could become code in the DRL
    // Drools generates (a "Functions" cell, an edited code row), so it is refused before Drools sees the sheet.
    private static final Set<String> SETTINGS = Set.of("ruleset", "import", "sequential", "ruleflow-group", "activation-group");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,60}");
    private static final Pattern FACT = Pattern.compile("[A-Z][A-Za-z]{0,60}");
    private static final Pattern CONDITION_CODE = Pattern.compile(
            "forall\\((\\|\\||&&)\\)\\{\\w+ (==|!=|contains) \"\\$\"}"
                    + "|\\w+ (==|!=|contains|>=|<=) (\"\\$param\"|\\$param)");
    private static final Pattern ACTION_CODE = Pattern.compile(
            "(\\w+) \\w+ = new \\1\\(\"\\$param\", drools\\.getRule\\(\\)\\.getName\\(\\)\\); insert\\(\\w+\\);"
                    + "|\\w+\\.set\\w+\\((\"\\$param\"|\\$param)\\);");

    private static void check(String file, Grid grid, List<String> problems) {
        String where = where(file, grid.name());
        if (!NAME.matcher(grid.name()).matches()) {
            problems.add(where + ": a sheet with a rule table must be named with letters, digits, - and _ only");
            return;
        }
        int head = -1;
        int startCol = -1;
        for (int r = 0; r < grid.cells().size() && head < 0; r++) {
            for (int c = 0; c < grid.cells().get(r).size(); c++) {
                if (grid.at(r, c).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    head = r;
                    startCol = c;
                    break;
                }
            }
        }
        for (int r = 0; r < head; r++) {
            checkSetting(grid, r, where, problems);
        }
        if (!grid.at(head, startCol).trim().matches("RuleTable " + NAME.pattern())) {
            problems.add(where + ", cell " + ref(head, startCol) + ": the table's name must be 'RuleTable <Name>'");
        }
        int end = checkTable(file, grid, head, startCol, problems);
        for (int r = end; r < grid.cells().size(); r++) {
            for (int c = 0; c < grid.cells().get(r).size(); c++) {
                if (!grid.at(r, c).isBlank()) {
                    problems.add(where + ", cell " + ref(r, c) + ": nothing may follow the table's first blank row");
                }
            }
        }
    }

    /** A row above the table: a setting of the template (RuleSet, Import, …) or a note of several words. */
    private static void checkSetting(Grid grid, int r, String where, List<String> problems) {
        List<String> values = grid.cells().get(r).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty()) {
            return;
        }
        String key = values.get(0);
        if (!KEYWORD.matcher(key).matches()) {
            return; // a note: Drools reads only single-word settings here
        }
        String setting = key.toLowerCase(Locale.ROOT);
        String value = values.size() > 1 ? values.get(1) : "";
        boolean ok = SETTINGS.contains(setting) && values.size() == 2 && switch (setting) {
            case "ruleset" -> value.matches("dk\\.kk\\.itassessment\\.tables\\.[A-Za-z]+");
            case "import" -> value.equals("dk.kk.itassessment.policy.facts.*");
            case "sequential" -> value.equals("true");
            default -> NAME.matcher(value).matches();
        };
        if (!ok) {
            problems.add(where + ", row " + (r + 1) + ": '" + shorten(key) + "' is not a setting of the template "
                    + "(RuleSet, Import, Sequential, RULEFLOW-GROUP, ACTIVATION-GROUP with the project's values)");
        }
    }

    /** Checks the header rows and every data cell; returns the row after the table (its first blank row). */
    private static int checkTable(String file, Grid grid, int head, int startCol, List<String> problems) {
        String where = where(file, grid.name());
        int width = grid.cells().get(Math.min(head + 1, grid.cells().size() - 1)).size();
        for (int col = startCol; col < width; col++) {
            String kind = grid.at(head + 1, col).trim();
            String type = grid.at(head + 2, col).trim();
            String code = grid.at(head + 3, col).trim();
            String label = grid.at(head + 4, col);
            boolean condition = kind.equals("CONDITION");
            boolean typeOk = condition ? type.isEmpty() || FACT.matcher(type).matches() : type.isEmpty();
            boolean codeOk = (condition ? CONDITION_CODE : ACTION_CODE).matcher(code).matches();
            if (!condition && !kind.equals("ACTION") || !typeOk || !codeOk) {
                problems.add(where + ", column " + CellReference.convertNumToColString(col)
                        + ": the template rows (CONDITION/ACTION, fact, code) are the project's and may not change");
            }
            if (label.contains("\n") || label.contains("\r")) {
                problems.add(where + ", cell " + ref(head + 4, col) + ": a column label may not contain line breaks");
            }
        }
        int row = head + 5;
        for (; row < grid.cells().size(); row++) {
            boolean blank = true;
            for (int col = startCol; col < Math.max(width, grid.cells().get(row).size()); col++) {
                String value = grid.at(row, col).trim();
                if (value.isEmpty()) {
                    continue;
                }
                blank = false;
                String at = where + ", cell " + ref(row, col);
                if (col >= width) {
                    problems.add(at + ": a value in a column without a CONDITION or ACTION header");
                    continue;
                }
                String problem = checkCell(grid.at(head + 3, col), value);
                if (problem != null) {
                    problems.add(at + ": " + problem);
                }
            }
            if (blank) {
                break; // a blank row ends the table
            }
        }
        return row;
    }

    private static String ref(int row, int col) {
        return new CellReference(row, col).formatAsString(false);
    }

    /** What is wrong with {@code value} in a column with this code, or null when it is fine. */
    static String checkCell(String code, String value) {
        Set<String> allowed = Vocabulary.forCode(code);
        if (code.contains("forall(")) {
            for (String item : value.split(",")) {
                String problem = checkCode(item.trim(), allowed);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (code.contains("\"$param\"")) {
            if (allowed != null || code.contains("new ") && code.contains("(\"$param\", drools")) {
                return checkCode(value, allowed);
            }
            return checkText(value);
        }
        if (code.contains("$param")) {
            if (!LITERAL.matcher(value).matches()) {
                return "'" + shorten(value) + "' is not allowed here: write true, false or a whole number";
            }
            if (DAYS.matcher(code).find() && !value.matches("\\d{1,4}")) {
                return "'" + shorten(value) + "' is not a number of days: write a whole number from 0 to 9999";
            }
            return null;
        }
        return null;
    }

    private static String checkCode(String value, Set<String> allowed) {
        if (allowed != null) {
            return allowed.contains(value) ? null
                    : "'" + shorten(value) + "' is not one of the allowed values: " + String.join(", ", new java.util.TreeSet<>(allowed));
        }
        return CODE.matcher(value).matches() ? null
                : "'" + shorten(value) + "' is not a code: use capital letters, digits and _ only";
    }

    private static String checkText(String value) {
        if (value.length() > MAX_TEXT) {
            return "the text is longer than " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                return "the text may not contain \" or \\ (use typographic quotes \u201c \u201d or \u00bb \u00ab)";
            }
            if (Character.isISOControl(c)) {
                return "the text may not contain control characters or line breaks";
            }
        }
        return null;
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
