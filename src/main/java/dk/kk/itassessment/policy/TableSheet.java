package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sheet that holds a {@code RuleTable}, read into its parts: the settings above the table, the template rows of
 * each column (CONDITION/ACTION, fact type, code, label) and the data rows. Reading it checks that the template is
 * one the project can vouch for: only the settings Drools needs, with the project's values (never Functions,
 * Variables, Queries or other code), only code rows of the known shapes with a declared cell type, and nothing
 * below the table's first blank row, where Drools might find a second table.
 */
record TableSheet(String table, TableGrid grid, List<Setting> settings, int head, int startCol,
                  List<Column> columns, List<DataRow> rows) {

    /** A setting above the table ({@code RuleSet}, {@code Import}, …), where its key cell is. */
    record Setting(int row, int col, String key, String value) {
    }

    /** A column's template: where it is, its kind, fact type, code and label, and the type of its data cells. */
    record Column(int col, boolean condition, String fact, String code, String label, TableCellType type) {
    }

    /** A data row (0-based {@code row}) and its trimmed values, one per column. */
    record DataRow(int row, List<String> values) {
    }

    private static final Set<String> SETTINGS = Set.of("ruleset", "import", "sequential", "ruleflow-group", "activation-group");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,60}");
    private static final Pattern FACT = Pattern.compile("[A-Z][A-Za-z]{0,60}");
    private static final Pattern CONDITION_CODE = Pattern.compile(
            "forall\\(\\|\\|\\)\\{\\w+ (==|contains) \"\\$\"}|forall\\(&&\\)\\{\\w+ != \"\\$\"}"
                    + "|\\w+ (==|!=|contains) \"\\$param\"|\\w+ == \\$param");
    private static final Pattern ACTION_CODE = Pattern.compile(
            "(\\w+) \\w+ = new \\1\\(\"\\$param\", drools\\.getRule\\(\\)\\.getName\\(\\)\\); insert\\(\\w+\\);"
                    + "|\\w+\\.set\\w+\\((\"\\$param\"|\\$param)\\);");

    String name() {
        return grid.name();
    }

    /** A first-match table: its rules share an activation group, so the first row that matches wins. */
    boolean firstMatch() {
        return settings.stream().anyMatch(s -> s.key().equalsIgnoreCase("activation-group"));
    }

    String ref(int row, int col) {
        return grid.ref(row, col);
    }

    /** Reads the rule table of {@code grid}; null when its template is broken (the findings say where). */
    static TableSheet read(String table, TableGrid grid, List<Finding> errors) {
        int[] at = grid.ruleTable();
        int head = at[0];
        int startCol = at[1];
        if (!NAME.matcher(grid.name()).matches()) {
            errors.add(Finding.of(table, null, "arket '" + TableCellType.shorten(grid.name()) + "' har en regeltabel og må "
                            + "kun hedde noget med bogstaver, cifre, - og _",
                    "the sheet '" + TableCellType.shorten(grid.name()) + "' holds a rule table and must be named with "
                            + "letters, digits, - and _ only"));
            return null;
        }
        int before = errors.size();
        List<Setting> settings = settings(table, grid, head, errors);
        if (!grid.at(head, startCol).trim().matches("RuleTable " + NAME.pattern())) {
            errors.add(Finding.of(table, grid.ref(head, startCol), "tabellens navn skal være 'RuleTable <Navn>'",
                    "the table's name must be 'RuleTable <Name>'"));
        }
        List<Column> columns = columns(table, grid, head, startCol, errors);
        List<DataRow> rows = new ArrayList<>();
        int row = head + 5;
        for (; row < grid.cells().size(); row++) {
            List<String> values = new ArrayList<>();
            boolean blank = true;
            for (int col = startCol; col < Math.max(startCol + columns.size(), grid.cells().get(row).size()); col++) {
                String value = grid.at(row, col).trim();
                blank &= value.isEmpty();
                if (col < startCol + columns.size()) {
                    values.add(value);
                } else if (!value.isEmpty()) {
                    errors.add(Finding.of(table, grid.ref(row, col), "en værdi i en kolonne uden CONDITION eller ACTION",
                            "a value in a column without a CONDITION or ACTION header"));
                }
            }
            if (blank) {
                break; // a blank row ends the table
            }
            rows.add(new DataRow(row, values));
        }
        for (int r = row; r < grid.cells().size(); r++) {
            for (int c = 0; c < grid.cells().get(r).size(); c++) {
                if (!grid.at(r, c).isBlank()) {
                    errors.add(Finding.of(table, grid.ref(r, c), "intet må stå under tabellens første tomme række",
                            "nothing may follow the table's first blank row"));
                }
            }
        }
        return errors.size() > before ? null : new TableSheet(table, grid, settings, head, startCol, columns, rows);
    }

    /**
     * The rows above the table: settings of the template, and notes (cells of several words). Drools finds a setting
     * by its key in any cell, so every one-word cell counts, not only the first of a row.
     */
    private static List<Setting> settings(String table, TableGrid grid, int head, List<Finding> errors) {
        List<Setting> settings = new ArrayList<>();
        for (int r = 0; r < head; r++) {
            List<String> cells = grid.cells().get(r);
            for (int c = 0; c < cells.size(); c++) {
                String key = cells.get(c).trim();
                if (!WORD.matcher(key).matches()) {
                    continue; // blank, or a note
                }
                int v = c + 1;
                while (v < cells.size() && cells.get(v).isBlank()) {
                    v++;
                }
                String value = grid.at(r, v).trim();
                if (!allowed(key.toLowerCase(Locale.ROOT), value)) {
                    String setting = TableCellType.shorten((key + " " + value).trim());
                    errors.add(Finding.of(table, grid.ref(r, c), "'" + setting + "' er ikke en "
                                    + "indstilling i skabelonen (RuleSet, Import, Sequential, RULEFLOW-GROUP, ACTIVATION-GROUP "
                                    + "med projektets værdier); Functions, Variables og anden kode er projektets",
                            "'" + setting + "' is not a setting of the template (RuleSet, Import, "
                                    + "Sequential, RULEFLOW-GROUP, ACTIVATION-GROUP with the project's values); Functions, "
                                    + "Variables and other code are the project's"));
                }
                settings.add(new Setting(r, c, key, value));
                c = v;
            }
        }
        return settings;
    }

    private static boolean allowed(String setting, String value) {
        return SETTINGS.contains(setting) && switch (setting) {
            case "ruleset" -> value.matches("dk\\.kk\\.itassessment\\.tables\\.[A-Za-z]+");
            case "import" -> value.equals("dk.kk.itassessment.policy.facts.*");
            case "sequential" -> value.equals("true");
            default -> NAME.matcher(value).matches();
        };
    }

    /** The template rows below {@code RuleTable}: CONDITION/ACTION, fact type, code, label. */
    private static List<Column> columns(String table, TableGrid grid, int head, int startCol, List<Finding> errors) {
        List<Column> columns = new ArrayList<>();
        int width = startCol;
        while (!grid.at(head + 1, width).isBlank()) {
            width++;
        }
        for (int r = head + 1; r <= head + 4; r++) {
            for (int c = width; r < grid.cells().size() && c < grid.cells().get(r).size(); c++) {
                if (!grid.at(r, c).isBlank()) {
                    errors.add(templateChanged(table, grid.ref(r, c)));
                }
            }
        }
        for (int col = startCol; col < width; col++) {
            String kind = grid.at(head + 1, col).trim();
            String fact = grid.at(head + 2, col).trim();
            String code = grid.at(head + 3, col).trim();
            String label = grid.at(head + 4, col);
            boolean condition = kind.equals("CONDITION");
            TableCellType type = Vocabulary.typeOf(condition, code);
            int wrong = !condition && !kind.equals("ACTION") ? head + 1
                    : !(condition ? fact.isEmpty() || FACT.matcher(fact).matches() : fact.isEmpty()) ? head + 2
                    : !(condition ? CONDITION_CODE : ACTION_CODE).matcher(code).matches() || type == null ? head + 3
                    : -1;
            if (wrong >= 0) {
                errors.add(templateChanged(table, grid.ref(wrong, col)));
            }
            if (label.contains("\n") || label.contains("\r")) {
                errors.add(Finding.of(table, grid.ref(head + 4, col), "en kolonneoverskrift må ikke have linjeskift",
                        "a column label may not contain line breaks"));
            }
            columns.add(new Column(col, condition, fact, code, label.trim(), type));
        }
        if (columns.isEmpty()) {
            errors.add(Finding.of(table, grid.ref(head + 1, startCol), "tabellen har ingen CONDITION- eller ACTION-kolonner",
                    "the table has no CONDITION or ACTION columns"));
        }
        return columns;
    }

    static Finding templateChanged(String table, String cell) {
        return Finding.of(table, cell, "skabelonens rækker (CONDITION/ACTION, faktatype, kode, overskrift) er projektets "
                        + "og må ikke ændres",
                "the template rows (CONDITION/ACTION, fact type, code, label) are the project's and may not change");
    }
}
