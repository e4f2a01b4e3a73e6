package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.TableChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed from one version to another, as the second officer reads it before approving: per rule sheet only the
 * cells that changed (old → new), the rows added and removed; the golden scenarios added, removed or changed (each
 * changed expectation old → new); the rule files that changed. Rows are matched by their content (the longest common
 * sequence), so a row inserted in the middle is one added row, not every row below it changed.
 */
record VersionDiff(List<TableDiff> tables, List<ScenarioDiff> scenarios, List<FileDiff> rules) {

    /** No cell, scenario or rule differs: the two versions decide alike. */
    boolean identical() {
        return tables.isEmpty() && scenarios.isEmpty() && rules.isEmpty();
    }

    /** A table that changed: its sheets that changed, or that it is only in one of the two ({@code presence}). */
    record TableDiff(String table, Presence presence, List<SheetDiff> sheets) {
    }

    enum Presence { ADDED, REMOVED, CHANGED }

    record SheetDiff(String sheet, List<ChangedRow> changed, List<WholeRow> added, List<WholeRow> removed) {

        boolean empty() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
        }
    }

    /** A row in both whose cells differ: its number in each, and each changed cell (label, new reference, old → new). */
    record ChangedRow(int was, int now, String anchor, List<CellChange> cells) {
    }

    record CellChange(String label, String ref, String was, String now) {
    }

    /** A row only in one version: its number, its anchor in that version's table view, and its cells by label. */
    record WholeRow(int row, String anchor, List<Labelled> cells) {
    }

    record Labelled(String label, String value) {
    }

    /** A golden scenario that differs: each expectation that changed, or that the file is new or gone. */
    record ScenarioDiff(String file, Presence presence, List<CellChange> expectations, boolean otherParts) {
    }

    record FileDiff(String file, Presence presence) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What {@code now} changes compared with {@code was}. */
    static VersionDiff of(RuleFiles was, RuleFiles now) {
        List<TableDiff> tables = new ArrayList<>();
        for (String path : paths(was, now, Tables::isTable)) {
            tables.addAll(table(was, now, path));
        }
        List<ScenarioDiff> scenarios = new ArrayList<>();
        for (String path : paths(was, now, RuleFiles::isScenario)) {
            byte[] before = was.files().get(path);
            byte[] after = now.files().get(path);
            if (before == null || after == null) {
                scenarios.add(new ScenarioDiff(path, before == null ? Presence.ADDED : Presence.REMOVED, List.of(), false));
            } else if (!Arrays.equals(before, after)) {
                ScenarioDiff changed = scenario(path, before, after);
                if (changed != null) {
                    scenarios.add(changed);
                }
            }
        }
        List<FileDiff> rules = new ArrayList<>();
        for (String path : paths(was, now, p -> !Tables.isTable(p) && !RuleFiles.isScenario(p))) {
            byte[] before = was.files().get(path);
            byte[] after = now.files().get(path);
            if (!Arrays.equals(before, after)) {
                rules.add(new FileDiff(path, before == null ? Presence.ADDED : after == null ? Presence.REMOVED : Presence.CHANGED));
            }
        }
        return new VersionDiff(tables, scenarios, rules);
    }

    /** The paths in either version that {@code kind} accepts; a table by its name (its file may change format). */
    private static List<String> paths(RuleFiles was, RuleFiles now, java.util.function.Predicate<String> kind) {
        TreeSet<String> paths = new TreeSet<>();
        was.files().keySet().stream().filter(kind).forEach(paths::add);
        now.files().keySet().stream().filter(kind).forEach(paths::add);
        return List.copyOf(paths);
    }

    private static List<TableDiff> table(RuleFiles was, RuleFiles now, String path) {
        String name = Tables.name(path);
        String before = Tables.path(was, name).orElse(null);
        String after = Tables.path(now, name).orElse(null);
        if (!path.equals(after != null ? after : before)) {
            return List.of(); // the same table in another format: compared once, under its new path
        }
        if (before == null || after == null) {
            return List.of(new TableDiff(name, before == null ? Presence.ADDED : Presence.REMOVED, List.of()));
        }
        if (Arrays.equals(was.files().get(before), now.files().get(after))) {
            return List.of();
        }
        Map<String, TableChecks.RuleSheet> old = bySheet(TableChecks.ruleSheets(before, was.files().get(before)));
        Map<String, TableChecks.RuleSheet> fresh = bySheet(TableChecks.ruleSheets(after, now.files().get(after)));
        List<SheetDiff> sheets = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(fresh.keySet());
        for (String sheet : names) {
            SheetDiff diff = sheet(sheet, old.get(sheet), fresh.get(sheet));
            if (!diff.empty()) {
                sheets.add(diff);
            }
        }
        return sheets.isEmpty() ? List.of() : List.of(new TableDiff(name, Presence.CHANGED, sheets));
    }

    private static Map<String, TableChecks.RuleSheet> bySheet(List<TableChecks.RuleSheet> sheets) {
        Map<String, TableChecks.RuleSheet> map = new TreeMap<>();
        sheets.forEach(s -> map.put(s.name(), s));
        return map;
    }

    /** The rows of a sheet aligned by content; unmatched rows between two matches are paired as changed rows. */
    static SheetDiff sheet(String name, TableChecks.RuleSheet was, TableChecks.RuleSheet now) {
        List<TableChecks.RuleRow> a = was == null ? List.of() : was.rows();
        List<TableChecks.RuleRow> b = now == null ? List.of() : now.rows();
        List<String> labels = now != null ? now.labels() : was.labels();
        List<Integer> columns = now != null ? now.columns() : was.columns();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).values().equals(b.get(j).values()) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<ChangedRow> changed = new ArrayList<>();
        List<WholeRow> added = new ArrayList<>();
        List<WholeRow> removed = new ArrayList<>();
        List<TableChecks.RuleRow> gapA = new ArrayList<>();
        List<TableChecks.RuleRow> gapB = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).values().equals(b.get(j).values())) {
                close(name, labels, columns, gapA, gapB, changed, added, removed);
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                gapB.add(b.get(j++));
            } else {
                gapA.add(a.get(i++));
            }
        }
        close(name, labels, columns, gapA, gapB, changed, added, removed);
        return new SheetDiff(name, changed, added, removed);
    }

    private static void close(String sheet, List<String> labels, List<Integer> columns, List<TableChecks.RuleRow> gapA,
                              List<TableChecks.RuleRow> gapB, List<ChangedRow> changed, List<WholeRow> added,
                              List<WholeRow> removed) {
        int paired = Math.min(gapA.size(), gapB.size());
        for (int k = 0; k < paired; k++) {
            TableChecks.RuleRow before = gapA.get(k);
            TableChecks.RuleRow after = gapB.get(k);
            List<CellChange> cells = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                String old = value(before, c);
                String fresh = value(after, c);
                if (!old.equals(fresh)) {
                    cells.add(new CellChange(labels.get(c), sheet + "!" + CellReference.convertNumToColString(columns.get(c))
                            + after.row(), old, fresh));
                }
            }
            changed.add(new ChangedRow(before.row(), after.row(), TableView.anchor(sheet, after.row()), cells));
        }
        for (int k = paired; k < gapB.size(); k++) {
            added.add(whole(sheet, labels, gapB.get(k)));
        }
        for (int k = paired; k < gapA.size(); k++) {
            removed.add(whole(sheet, labels, gapA.get(k)));
        }
        gapA.clear();
        gapB.clear();
    }

    private static WholeRow whole(String sheet, List<String> labels, TableChecks.RuleRow row) {
        List<Labelled> cells = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            if (!value(row, c).isEmpty()) {
                cells.add(new Labelled(labels.get(c), value(row, c)));
            }
        }
        return new WholeRow(row.row(), TableView.anchor(sheet, row.row()), cells);
    }

    private static String value(TableChecks.RuleRow row, int column) {
        return column < row.values().size() ? row.values().get(column) : "";
    }

    /** A changed scenario: each part of {@code expected} old → new, and whether its story, request or registry changed. */
    private static ScenarioDiff scenario(String path, byte[] before, byte[] after) {
        JsonNode was;
        JsonNode now;
        try {
            was = JSON.readTree(before);
            now = JSON.readTree(after);
        } catch (JacksonException e) {
            return new ScenarioDiff(path, Presence.CHANGED, List.of(), true);
        }
        if (was.equals(now)) {
            return null; // only the layout of the file changed
        }
        List<CellChange> expectations = new ArrayList<>();
        TreeSet<String> parts = new TreeSet<>(was.path("expected").propertyNames());
        parts.addAll(now.path("expected").propertyNames());
        for (String part : parts) {
            JsonNode old = was.path("expected").get(part);
            JsonNode fresh = now.path("expected").get(part);
            if (!Objects.equals(old, fresh)) {
                expectations.add(new CellChange(part, null, text(old), text(fresh)));
            }
        }
        boolean other = !Objects.equals(without(was), without(now));
        return new ScenarioDiff(path, Presence.CHANGED, expectations, other);
    }

    private static JsonNode without(JsonNode scenario) {
        return scenario.isObject() ? withoutExpected((tools.jackson.databind.node.ObjectNode) scenario.deepCopy()) : scenario;
    }

    private static JsonNode withoutExpected(tools.jackson.databind.node.ObjectNode scenario) {
        scenario.remove("expected");
        return scenario;
    }

    private static String text(JsonNode node) {
        return node == null ? "–" : node.isString() ? node.asString() : node.toString();
    }
}
