package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;

/**
 * What a table's rows say together, found by enumerating the values its condition columns can test (a column's
 * vocabulary or true/false; a blank cell matches any):
 * <ul>
 * <li>a <b>conflict</b> (error): two rows with the same conditions and a different outcome. In a first-match table
 * the outcome is the whole row's actions; in a table where every matching row adds something (checklist, warnings)
 * rows with the same conditions add different items, which is fine, so there it is two rows adding the same item
 * (first action) differently;</li>
 * <li>an <b>unreachable</b> row (warning): in a first-match table, a row that every request it matches is taken by
 * earlier rows, one or several together. It changes nothing, so it is a warning, but it is almost always a
 * mistake in the order of the rows;</li>
 * <li>a <b>gap</b> (error): a first-match table chooses something every decision needs (the route, the risk tier,
 * the review level; the assembly refuses a decision without it), so each combination of values must reach a row.
 * A few example combinations are named, not all of them.</li>
 * </ul>
 * A condition on a set ({@code aiFeatures contains}) is tested with no value and with each value alone: a request
 * with several values is matched by every row that matches one of them alone, so that is exact.
 */
final class TableAnalysis {

    private static final String ANY = "";
    private static final String NONE = "(none)";
    private static final String OTHER = "(other)";
    private static final int EXAMPLES = 5;

    private final TableSheet sheet;
    private final List<TableSheet.Column> conditions;
    private final List<Integer> conditionIndex = new ArrayList<>();
    private final List<List<String>> domains = new ArrayList<>();

    private TableAnalysis(TableSheet sheet) {
        this.sheet = sheet;
        this.conditions = sheet.columns().stream().filter(TableSheet.Column::condition).toList();
        for (int i = 0; i < sheet.columns().size(); i++) {
            if (sheet.columns().get(i).condition()) {
                conditionIndex.add(i);
                domains.add(domain(i));
            }
        }
    }

    static void analyse(TableSheet sheet, List<Finding> errors, List<Finding> warnings) {
        new TableAnalysis(sheet).run(errors, warnings);
    }

    private void run(List<Finding> errors, List<Finding> warnings) {
        List<TableSheet.DataRow> rows = sheet.rows();
        Map<String, TableSheet.DataRow> seen = new HashMap<>();
        for (int j = 0; j < rows.size(); j++) {
            TableSheet.DataRow row = rows.get(j);
            String key = sheet.firstMatch() ? conditionKey(row) : conditionKey(row) + "\u0000" + action(row, 0);
            TableSheet.DataRow same = seen.putIfAbsent(key, row);
            if (same != null && !actions(same).equals(actions(row))) {
                errors.add(conflict(same, row));
            } else if (sheet.firstMatch()) {
                unreachable(rows.subList(0, j), row, warnings);
            }
        }
        if (sheet.firstMatch()) {
            List<String[]> gaps = gaps(rows, domains, EXAMPLES);
            if (!gaps.isEmpty()) {
                errors.add(gap(gaps));
            }
        }
    }

    // --------------------------------------------------------------------------------------------- matching

    private List<String> domain(int column) {
        TableSheet.Column c = sheet.columns().get(column);
        List<String> values = c.type().domain();
        if (values == null) {
            TreeSet<String> seen = new TreeSet<>();
            sheet.rows().forEach(r -> seen.add(r.values().get(column)));
            seen.remove(ANY);
            values = new ArrayList<>(seen);
            values.add(OTHER);
        }
        if (c.code().contains(" contains ")) {
            values = new ArrayList<>(values);
            values.add(0, NONE);
        }
        return List.copyOf(values);
    }

    /** Whether a request with {@code value} in condition {@code k} passes the cell. */
    private boolean matches(int k, String cell, String value) {
        if (cell.isEmpty()) {
            return true;
        }
        String code = conditions.get(k).code();
        if (code.startsWith("forall(")) {
            boolean listed = TableCellType.AnyOf.items(cell).contains(value);
            return code.startsWith("forall(&&)") != listed;
        }
        return code.contains(" != ") != value.equals(cell);
    }

    private String cell(TableSheet.DataRow row, int k) {
        return row.values().get(conditionIndex.get(k));
    }

    /**
     * The combinations of values within {@code space} (per condition, the values to try) that none of {@code rows}
     * matches, at most {@code limit}; {@link #ANY} where any value of a condition would do.
     */
    private List<String[]> gaps(List<TableSheet.DataRow> rows, List<List<String>> space, int limit) {
        List<String[]> gaps = new ArrayList<>();
        walk(rows, 0, space, new String[space.size()], gaps, limit);
        return gaps;
    }

    private void walk(List<TableSheet.DataRow> rows, int k, List<List<String>> space, String[] combination,
                      List<String[]> gaps, int limit) {
        if (gaps.size() >= limit) {
            return;
        }
        if (rows.isEmpty()) {
            String[] gap = combination.clone();
            Arrays.fill(gap, k, gap.length, ANY);
            gaps.add(gap);
            return;
        }
        if (k == space.size() || rows.stream().anyMatch(r -> blankFrom(r, k)) || space.get(k).isEmpty()) {
            return; // a row matches whatever the remaining conditions are, or there is nothing left to match
        }
        if (rows.stream().allMatch(r -> cell(r, k).isEmpty())) {
            combination[k] = ANY; // every value of this condition goes the same way
            walk(rows, k + 1, space, combination, gaps, limit);
            return;
        }
        for (String value : space.get(k)) {
            combination[k] = value;
            walk(rows.stream().filter(r -> matches(k, cell(r, k), value)).toList(), k + 1, space, combination, gaps, limit);
        }
    }

    private boolean blankFrom(TableSheet.DataRow row, int k) {
        for (int i = k; i < conditions.size(); i++) {
            if (!cell(row, i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // --------------------------------------------------------------------------------------------- findings

    private void unreachable(List<TableSheet.DataRow> earlier, TableSheet.DataRow row, List<Finding> warnings) {
        List<List<String>> space = new ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            String cell = cell(row, k);
            int c = k;
            space.add(domains.get(k).stream().filter(v -> matches(c, cell, v)).toList());
        }
        if (!gaps(earlier, space, 1).isEmpty()) {
            return;
        }
        String winners = earlier.stream().filter(e -> overlaps(e, space)).map(e -> Integer.toString(e.row() + 1))
                .collect(Collectors.joining(", "));
        String cell = sheet.ref(row.row(), sheet.startCol());
        boolean several = winners.contains(",");
        warnings.add(winners.isEmpty()
                ? Finding.of(sheet.table(), cell, "rækken kan aldrig passe på en anmodning: dens betingelser udelukker hinanden",
                        "the row can never match a request: its conditions exclude each other")
                : Finding.of(sheet.table(), cell, "rækken nås aldrig: " + (several ? "rækkerne " : "række ") + winners
                                + " ovenfor passer allerede på enhver anmodning, den passer på, og den første række, der "
                                + "passer, vinder",
                        "the row is never reached: " + (several ? "rows " : "row ") + winners + " above already match"
                                + (several ? "" : "es") + " every request it matches, and the first row that matches wins"));
    }

    private boolean overlaps(TableSheet.DataRow row, List<List<String>> space) {
        for (int k = 0; k < conditions.size(); k++) {
            int c = k;
            if (space.get(k).stream().noneMatch(v -> matches(c, cell(row, c), v))) {
                return false;
            }
        }
        return true;
    }

    private Finding conflict(TableSheet.DataRow first, TableSheet.DataRow second) {
        int differs = 0;
        while (action(first, differs).equals(action(second, differs))) {
            differs++;
        }
        int col = sheet.columns().stream().filter(c -> !c.condition()).toList().get(differs).col();
        String where = CellReference.convertNumToColString(col) + (first.row() + 1);
        return Finding.of(sheet.table(), sheet.ref(second.row(), col),
                "konflikt: rækken har samme betingelser som række " + (first.row() + 1) + ", men et andet udfald ('"
                        + TableCellType.shorten(action(second, differs)) + "' mod '" + TableCellType.shorten(action(first, differs))
                        + "' i " + where + "); ret betingelserne eller udfaldet, så rækkerne ikke siger hinanden imod",
                "conflict: the row has the same conditions as row " + (first.row() + 1) + " but a different outcome ('"
                        + TableCellType.shorten(action(second, differs)) + "' against '" + TableCellType.shorten(action(first, differs))
                        + "' in " + where + "); change the conditions or the outcome so the rows do not contradict each other");
    }

    private Finding gap(List<String[]> gaps) {
        String da = gaps.stream().map(g -> combination(g, true)).collect(Collectors.joining("; "));
        String en = gaps.stream().map(g -> combination(g, false)).collect(Collectors.joining("; "));
        return Finding.of(sheet.table(), sheet.ref(sheet.head(), sheet.startCol()),
                "tabellen skal dække enhver anmodning, men ingen række passer for eksempel på: " + da
                        + "; tilføj en række (eventuelt en sidste række med tomme betingelser)",
                "the table must cover every request, but no row matches for example: " + en
                        + "; add a row (perhaps a last row with blank conditions)");
    }

    private String combination(String[] gap, boolean danish) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < gap.length; k++) {
            if (!gap[k].equals(ANY)) {
                String value = switch (gap[k]) {
                    case NONE -> danish ? "(ingen)" : NONE;
                    case OTHER -> danish ? "(en anden værdi)" : "(another value)";
                    default -> gap[k];
                };
                parts.add(label(conditions.get(k), danish) + " = " + value);
            }
        }
        return parts.isEmpty() ? (danish ? "enhver anmodning" : "any request") : String.join(", ", parts);
    }

    /** "Rute (en af) / Route (any of)": the Danish or the English half; the column letter without a label. */
    private static String label(TableSheet.Column column, boolean danish) {
        String label = column.label();
        if (label.isEmpty()) {
            return CellReference.convertNumToColString(column.col());
        }
        int slash = label.indexOf(" / ");
        return slash < 0 ? label : danish ? label.substring(0, slash) : label.substring(slash + 3);
    }

    private String conditionKey(TableSheet.DataRow row) {
        List<String> key = new ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            String cell = cell(row, k);
            key.add(conditions.get(k).code().startsWith("forall(")
                    ? String.join(",", new TreeSet<>(TableCellType.AnyOf.items(cell))) : cell);
        }
        return String.join("\u0000", key);
    }

    private List<String> actions(TableSheet.DataRow row) {
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < sheet.columns().size(); i++) {
            if (!sheet.columns().get(i).condition()) {
                actions.add(row.values().get(i));
            }
        }
        return actions;
    }

    private String action(TableSheet.DataRow row, int n) {
        return actions(row).get(n);
    }
}
