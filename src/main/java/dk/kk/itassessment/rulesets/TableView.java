package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleSource;
import dk.kk.itassessment.policy.TableChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.databind.JsonNode;

/**
 * A table of a version as a person reads it in the table view: each rule sheet's rule rows under their column labels,
 * every row reachable as {@code #Sheet-row} (the sheet and the 1-based row the explanation names), the report's
 * findings on their cells (a finding on a cell outside the rule rows, or on the whole file, is listed apart), and —
 * for the active version — how many assessments each row decided.
 *
 * @param elsewhere the findings of this table that are on no shown cell
 */
record TableView(String table, List<Sheet> sheets, List<Note> elsewhere, boolean counted) {

    /** A finding as the page says it: error or warning, where, and the sentence in the page's language. */
    record Note(boolean error, String cell, String text) {
    }

    record Sheet(String name, List<String> labels, List<String> letters, List<Row> rows) {
    }

    /**
     * A rule row: its number, its anchor ({@code Routes-14}), its cells, the findings on the row as a whole (or on a
     * cell of a column not shown), and how often it fired (null when not counted).
     */
    record Row(int row, String anchor, List<Cell> cells, List<Note> notes, Long fired, boolean flagged) {

        Row(int row, String anchor, List<Cell> cells, List<Note> notes, Long fired) {
            this(row, anchor, cells, notes, fired, !notes.isEmpty() || cells.stream().anyMatch(c -> !c.notes().isEmpty()));
        }
    }

    /** A cell of a rule row; {@code error}: one of its findings is an error (the others are warnings). */
    record Cell(String ref, String value, List<Note> notes, boolean error) {

        Cell(String ref, String value, List<Note> notes) {
            this(ref, value, notes, notes.stream().anyMatch(Note::error));
        }
    }

    private static final Pattern CELL = Pattern.compile("(.+)!\\$?([A-Z]{1,3})\\$?(\\d{1,7})");
    private static final Pattern ROW = Pattern.compile("(.+)!(\\d{1,7}):\\d{1,7}");

    /** The anchor of a row in the table view: {@code Routes-14}. */
    static String anchor(String sheet, int row) {
        return sheet + "-" + row;
    }

    /** Where a finding's cell ({@code Routes!H21}, {@code Routes!21:21}) is: sheet, 1-based row, column letters or null. */
    record Place(String sheet, int row, String column) {

        static Place of(String cell) {
            if (cell == null) {
                return null;
            }
            Matcher m = CELL.matcher(cell);
            if (m.matches()) {
                return new Place(m.group(1), Integer.parseInt(m.group(3)), m.group(2));
            }
            Matcher r = ROW.matcher(cell);
            return r.matches() ? new Place(r.group(1), Integer.parseInt(r.group(2)), null) : null;
        }

        String anchor() {
            return TableView.anchor(sheet, row);
        }
    }

    /**
     * The view of table {@code table} stored at {@code path}: {@code report} is the version's (its errors and warnings
     * of this table are placed), {@code fired} how often each source fired, or null when not counted.
     */
    static TableView of(String table, String path, byte[] bytes, JsonNode report, Map<String, Long> fired, Locale locale) {
        Map<String, List<Note>> byCell = new LinkedHashMap<>();
        Map<String, List<Note>> byRow = new LinkedHashMap<>();
        List<Note> pending = new ArrayList<>();
        collect(report.path("errors"), true, table, locale, pending);
        collect(report.path("warnings"), false, table, locale, pending);
        List<TableChecks.RuleSheet> ruleSheets = TableChecks.ruleSheets(path, bytes);
        for (Note note : pending) {
            Place place = Place.of(note.cell());
            if (place == null) {
                continue;
            }
            if (place.column() != null) {
                byCell.computeIfAbsent(place.sheet() + "!" + place.column() + place.row(), k -> new ArrayList<>()).add(note);
            } else {
                byRow.computeIfAbsent(place.anchor(), k -> new ArrayList<>()).add(note);
            }
        }
        List<Note> placed = new ArrayList<>();
        List<Sheet> sheets = new ArrayList<>();
        for (TableChecks.RuleSheet sheet : ruleSheets) {
            List<String> letters = sheet.columns().stream().map(CellReference::convertNumToColString).toList();
            List<Row> rows = new ArrayList<>();
            for (TableChecks.RuleRow rule : sheet.rows()) {
                String anchor = anchor(sheet.name(), rule.row());
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < letters.size(); i++) {
                    String ref = sheet.name() + "!" + letters.get(i) + rule.row();
                    List<Note> notes = byCell.getOrDefault(ref, List.of());
                    placed.addAll(notes);
                    cells.add(new Cell(ref, i < rule.values().size() ? rule.values().get(i) : "", notes));
                }
                List<Note> rowNotes = new ArrayList<>(byRow.getOrDefault(anchor, List.of()));
                byCell.forEach((ref, notes) -> { // a finding on a column that is not shown belongs to its row
                    Place place = Place.of(ref);
                    if (place.sheet().equals(sheet.name()) && place.row() == rule.row() && !letters.contains(place.column())) {
                        rowNotes.addAll(notes);
                    }
                });
                placed.addAll(rowNotes);
                Long count = fired == null ? null
                        : fired.getOrDefault(new RuleSource(path, sheet.name(), rule.row(), null).describe(), 0L);
                rows.add(new Row(rule.row(), anchor, cells, rowNotes, count));
            }
            sheets.add(new Sheet(sheet.name(), sheet.labels(), letters, rows));
        }
        List<Note> elsewhere = pending.stream().filter(n -> placed.stream().noneMatch(p -> p == n)).toList();
        return new TableView(table, sheets, elsewhere, fired != null);
    }

    private static void collect(JsonNode findings, boolean error, String table, Locale locale, List<Note> into) {
        for (JsonNode finding : findings) {
            if (table.equals(finding.path("table").asString())) {
                JsonNode cell = finding.path("cell");
                into.add(new Note(error, cell.isString() ? cell.asString() : null, Texts.of(finding.path("message"), locale)));
            }
        }
    }
}
