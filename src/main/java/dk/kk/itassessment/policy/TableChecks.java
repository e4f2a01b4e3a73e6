package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks a decision table passes before anything is compiled, each finding naming the table and the cell:
 * the file itself ({@link TableGuard}: size, macros, external links, zip bombs, UTF-8), every cell as read
 * ({@link TableReader}: no formulas), the template ({@link TableSheet}, and against the table it replaces,
 * {@link TableTemplate}), every data cell against its column's type ({@link Vocabulary}), and what the rows say
 * together ({@link TableAnalysis}). Errors refuse the rule set; warnings do not.
 */
public final class TableChecks {

    private static final String FOLDER = "decision-tables/";

    private TableChecks() {
    }

    /**
     * What is wrong with a table file as a file — too large, not a plain workbook or UTF-8 text, macros, external
     * links, a zip bomb — before any cell is read. Such a file is not kept at all.
     */
    public static List<Finding> guard(String path, byte[] bytes) {
        return TableGuard.check(name(path), path, bytes);
    }

    /** A sheet of a table file as the checks read it: its name, whether it holds a rule table, its cells as text. */
    public record Sheet(String name, boolean ruleTable, List<List<String>> cells) {
    }

    /**
     * The sheets of a table file (a CSV file is one) as the checks and Drools read them, in order; empty when the file
     * is not one the checks can read.
     */
    public static List<Sheet> sheets(String path, byte[] bytes) {
        try {
            return TableReader.read(name(path), path, bytes, new ArrayList<>()).stream()
                    .map(grid -> new Sheet(grid.name(), grid.ruleTable() != null, grid.cells())).toList();
        } catch (TableRefused | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * A rule sheet as an officer reads it: its rule rows (the white rows under the template) with the column labels,
     * for showing a table to people. {@code columns} are the sheet's 0-based column indexes of the labels; a row's
     * {@code row} is the spreadsheet's 1-based row number, as the explanation names it.
     */
    public record RuleSheet(String name, List<Integer> columns, List<String> labels, List<RuleRow> rows) {
    }

    /** A rule row: its 1-based spreadsheet row number and its trimmed values, one per column of its sheet. */
    public record RuleRow(int row, List<String> values) {
    }

    /**
     * The rule sheets of a table file whose template can be read, in order (a sheet whose template is broken is left
     * out: its findings say where); empty when the file cannot be read at all.
     */
    public static List<RuleSheet> ruleSheets(String path, byte[] bytes) {
        List<Finding> ignored = new ArrayList<>();
        List<RuleSheet> out = new ArrayList<>();
        try {
            for (TableGrid grid : TableReader.read(name(path), path, bytes, ignored)) {
                if (grid.ruleTable() == null) {
                    continue;
                }
                TableSheet sheet = TableSheet.read(name(path), grid, ignored);
                if (sheet != null) {
                    out.add(new RuleSheet(sheet.name(), sheet.columns().stream().map(TableSheet.Column::col).toList(),
                            sheet.columns().stream().map(TableSheet.Column::label).toList(),
                            sheet.rows().stream().map(r -> new RuleRow(r.row() + 1, r.values())).toList()));
                }
            }
        } catch (TableRefused | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /**
     * The DRL Drools makes of a table file, one text per rule sheet in order: what the file says to the engine, its
     * layout and notes left out. Empty when the file does not pass the checks.
     */
    public static java.util.Optional<List<String>> drl(String path, byte[] bytes) {
        List<Finding> errors = new ArrayList<>();
        List<String> drl = DecisionTables.compile(path, bytes, errors).stream().map(DecisionTables.CompiledSheet::drl).toList();
        return errors.isEmpty() ? java.util.Optional.of(drl) : java.util.Optional.empty();
    }

    /** What the checks found; the rule set may be used only when {@code errors} is empty. */
    public record Findings(List<Finding> errors, List<Finding> warnings) {

        public Findings {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** A checked table file: its rule sheets, and what was found in it. */
    record Checked(List<TableSheet> sheets, List<Finding> errors, List<Finding> warnings) {
    }

    /**
     * Checks every table of {@code draft}. With a {@code base} (the version the draft replaces tables of), each table
     * must be one of base's tables with base's template; without one (the files of a deployment) the template is
     * checked against the project's rules only.
     */
    public static Findings check(RuleFiles draft, RuleFiles base) {
        Map<String, String> baseTables = base == null ? Map.of() : tablesByName(base);
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        draft.files().forEach((path, bytes) -> {
            if (!isTable(path)) {
                return;
            }
            String table = name(path);
            if (base != null && !baseTables.containsKey(table)) {
                errors.add(Finding.of(table, null, "der findes ingen tabel med dette navn; kendte tabeller: "
                                + String.join(", ", new TreeSet<>(baseTables.keySet())),
                        "there is no table of this name; known tables: " + String.join(", ", new TreeSet<>(baseTables.keySet()))));
                return;
            }
            String basePath = baseTables.get(table);
            Checked checked = checkFile(path, bytes, basePath == null ? null : check(basePath, base.files().get(basePath)));
            errors.addAll(checked.errors());
            warnings.addAll(checked.warnings());
        });
        return new Findings(errors, warnings);
    }

    /** The name of a table: its file name without folder and {@code .drl.xlsx} / {@code .drl.csv}. */
    static String name(String path) {
        return RuleFiles.tableName(path);
    }

    private static Map<String, String> tablesByName(RuleFiles files) {
        Map<String, String> tables = new LinkedHashMap<>();
        files.files().keySet().stream().filter(TableChecks::isTable).forEach(p -> tables.put(name(p), p));
        return tables;
    }

    /** A table, or a file meant as one ({@code routes.drl.xlsm}); other files of the folder are not tables. */
    private static boolean isTable(String path) {
        return path.startsWith(FOLDER) && path.substring(path.lastIndexOf('/') + 1).contains(".drl.");
    }

    /** Checks one table file on its own (the files of a deployment). */
    static Checked check(String path, byte[] bytes) {
        return checkFile(path, bytes, null);
    }

    private static Checked checkFile(String path, byte[] bytes, Checked base) {
        String table = name(path);
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (!path.endsWith(".drl.xlsx") && !path.endsWith(".drl.csv")) {
            errors.add(Finding.of(table, null, "en tabel skal være et .drl.xlsx-regneark eller en .drl.csv-fil (ingen .xlsm)",
                    "a table must be a .drl.xlsx workbook or a .drl.csv file (no .xlsm)"));
            return new Checked(List.of(), errors, warnings);
        }
        errors.addAll(TableGuard.check(table, path, bytes));
        if (!errors.isEmpty()) {
            return new Checked(List.of(), errors, warnings);
        }
        List<TableGrid> grids;
        try {
            grids = TableReader.read(table, path, bytes, errors);
        } catch (TableRefused refused) {
            errors.add(new Finding(table, null, refused.reason()));
            return new Checked(List.of(), errors, warnings);
        }
        List<TableSheet> sheets = new ArrayList<>();
        Set<String> ruleSheets = new TreeSet<>();
        for (TableGrid grid : grids) {
            int[] ruleTable = grid.ruleTable();
            if (ruleTable == null) {
                continue; // a guide or notes sheet, which Drools does not read
            }
            ruleSheets.add(grid.name());
            if (grid.hidden()) {
                errors.add(Finding.of(table, grid.ref(ruleTable[0], ruleTable[1]),
                        "arket med regeltabellen er skjult; vis arket, så alle kan se, hvad der gælder",
                        "the sheet with the rule table is hidden; unhide it so everyone can see what applies"));
            }
            int before = errors.size();
            TableSheet sheet = TableSheet.read(table, grid, errors);
            if (sheet == null) {
                continue;
            }
            checkCells(sheet, errors);
            if (errors.size() == before) {
                TableAnalysis.analyse(sheet, errors, warnings);
            }
            sheets.add(sheet);
        }
        if (ruleSheets.isEmpty() && errors.isEmpty()) {
            errors.add(Finding.of(table, null, "filen har ingen regeltabel ('RuleTable <Navn>')",
                    "the file holds no rule table ('RuleTable <Name>')"));
        }
        if (base != null) {
            compare(table, sheets, ruleSheets, base.sheets(), errors);
        }
        return new Checked(sheets, errors, warnings);
    }

    /** Every data cell against its column's type: nothing reaches Drools unchecked. */
    private static void checkCells(TableSheet sheet, List<Finding> errors) {
        for (TableSheet.DataRow row : sheet.rows()) {
            for (int i = 0; i < sheet.columns().size(); i++) {
                String value = row.values().get(i);
                TableSheet.Column column = sheet.columns().get(i);
                Evaluation.Text problem = value.isEmpty() ? null : column.type().problem(value);
                if (problem != null) {
                    errors.add(new Finding(sheet.table(), sheet.ref(row.row(), column.col()), problem));
                }
            }
        }
    }

    /** The same rule sheets as the table replaced, each with its template. */
    private static void compare(String table, List<TableSheet> draft, Set<String> draftNames, List<TableSheet> base,
                                List<Finding> errors) {
        Map<String, TableSheet> baseSheets = base.stream().collect(Collectors.toMap(TableSheet::name, s -> s));
        for (TableSheet sheet : draft) {
            TableSheet shipped = baseSheets.get(sheet.name());
            if (shipped == null) {
                errors.add(Finding.of(table, sheet.ref(sheet.head(), sheet.startCol()),
                        "tabellen har ikke et ark med regeltabel ved navn '" + sheet.name() + "'; arkene er: "
                                + String.join(", ", new TreeSet<>(baseSheets.keySet())),
                        "the table has no sheet with a rule table named '" + sheet.name() + "'; its sheets are: "
                                + String.join(", ", new TreeSet<>(baseSheets.keySet()))));
            } else {
                TableTemplate.compare(sheet, shipped, errors);
            }
        }
        baseSheets.keySet().stream().filter(name -> !draftNames.contains(name)).sorted().forEach(name ->
                errors.add(Finding.of(table, null, "arket '" + name + "' med sin regeltabel mangler",
                        "the sheet '" + name + "' with its rule table is missing")));
    }
}
