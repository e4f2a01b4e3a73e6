package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;

/**
 * A version's stored report (CONTRACT.md, "Rule sets") as the report page says it: each finding a sentence in the
 * page's language with a link to its cell in the table view, the failing scenarios part by part (expected, actual,
 * the rows that decide), the rows no scenario reaches, the impact on past decisions, and the expectations a draft
 * made by accepting outcomes rewrote. Codes (routes, review levels) stay codes here: the template labels them.
 */
record ReportView(List<Note> errors, List<Note> warnings, Integer passed, Integer failed, List<Failure> failures,
                  List<Link> uncovered, Impact impact, String acceptedFrom, List<Rewrite> rewritten) {

    /** A finding: where (table and cell, or a file), the link to it (null when it is on no table), the sentence. */
    record Note(String where, String href, String text) {
    }

    /** A link to a row of a table: its text ({@code routes, Routes row 14}) and where it goes. */
    record Link(String table, String sheet, int row, String href) {
    }

    record Failure(String file, List<Part> parts, List<String> problems) {
    }

    record Part(String part, String expected, String actual, List<Link> decidedBy) {
    }

    record Impact(int evaluated, int changed, int skipped, List<Count> transitions, List<Count> reviewLevels,
                  List<Count> checklist, List<Count> warnings, List<Example> examples) {
    }

    /** {@code FROM->TO: n} split for labelling; for checklist and warnings {@code from} is + or -. */
    record Count(String from, String to, int count) {
    }

    record Example(String assessment, List<Change> changes) {
    }

    record Change(String part, String recorded, String now, List<String> added, List<String> removed) {
    }

    record Rewrite(String file, String part, String was, String now) {
    }

    static ReportView of(RuleSetVersion version, Locale locale) {
        JsonNode report = version.report();
        List<Note> errors = notes(version, report.path("errors"), locale);
        List<Note> warnings = notes(version, report.path("warnings"), locale);
        JsonNode scenarios = report.path("scenarios");
        List<Failure> failures = new ArrayList<>();
        for (JsonNode failure : scenarios.path("failures")) {
            List<Part> parts = new ArrayList<>();
            for (JsonNode d : failure.path("differences")) {
                List<Link> rows = new ArrayList<>();
                d.path("decidedBy").forEach(r -> rows.add(link(version.id(), r.path("table").asString(),
                        r.path("sheet").asString(), r.path("row").asInt())));
                parts.add(new Part(d.path("part").asString(), text(d.get("expected")), text(d.get("actual")), rows));
            }
            List<String> problems = new ArrayList<>();
            failure.path("errors").forEach(e -> problems.add(e.path("field").asString() + ": " + e.path("message").asString()));
            failures.add(new Failure(fileName(failure.path("file").asString()), parts, problems));
        }
        List<Link> uncovered = new ArrayList<>();
        for (JsonNode row : report.path("coverage").path("uncoveredRows")) {
            Link link = source(version.id(), row.asString());
            if (link != null) {
                uncovered.add(link);
            }
        }
        JsonNode accepted = report.path("accepted");
        List<Rewrite> rewritten = new ArrayList<>();
        accepted.path("rewritten").forEach(r -> rewritten.add(new Rewrite(fileName(r.path("file").asString()),
                r.path("part").asString(), text(r.get("was")), text(r.get("now")))));
        return new ReportView(errors, warnings, scenarios.isObject() ? scenarios.path("passed").asInt() : null,
                scenarios.isObject() ? scenarios.path("failed").asInt() : null, failures, uncovered,
                impact(report.path("impact")), accepted.isObject() ? accepted.path("from").asString() : null, rewritten);
    }

    /** The table view's link to a row: {@code /rulesets/7/tables/routes#Routes-14}. */
    static Link link(String version, String table, String sheet, int row) {
        return new Link(table, sheet, row, "/rulesets/" + version + "/tables/" + table + "#" + TableView.anchor(sheet, row));
    }

    /** The link to the row an explanation or the coverage names ({@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}). */
    static Link source(String version, String source) {
        Matcher m = VersionChecks.ROW.matcher(source);
        if (!m.matches()) {
            return null;
        }
        String table = RuleFiles.tableName(m.group(1));
        return link(version, table, m.group(2) == null ? table : m.group(2), Integer.parseInt(m.group(3)));
    }

    private static List<Note> notes(RuleSetVersion version, JsonNode findings, Locale locale) {
        List<Note> notes = new ArrayList<>();
        for (JsonNode finding : findings) {
            String table = finding.path("table").isString() ? finding.path("table").asString() : null;
            String cell = finding.path("cell").isString() ? finding.path("cell").asString() : null;
            String href = null;
            if (table != null && version.tables().contains(table)) {
                TableView.Place place = TableView.Place.of(cell);
                href = "/rulesets/" + version.id() + "/tables/" + table + (place == null ? "" : "#" + place.anchor());
            }
            String where = table == null ? cell : fileName(table) + (cell == null ? "" : ", " + cell);
            notes.add(new Note(where, href, Texts.of(finding.path("message"), locale)));
        }
        return notes;
    }

    private static Impact impact(JsonNode impact) {
        if (!impact.isObject()) {
            return null;
        }
        List<Example> examples = new ArrayList<>();
        for (JsonNode example : impact.path("examples")) {
            List<Change> changes = new ArrayList<>();
            for (JsonNode d : example.path("differences")) {
                changes.add(new Change(d.path("part").asString(), text(d.get("recorded")), text(d.get("now")),
                        strings(d.path("added")), strings(d.path("removed"))));
            }
            examples.add(new Example(example.path("assessment").asString(), changes));
        }
        return new Impact(impact.path("evaluated").asInt(), impact.path("changed").asInt(), impact.path("skipped").asInt(),
                counts(impact.path("transitions"), "->"), counts(impact.path("reviewLevels"), "->"),
                items(impact.path("checklist")), items(impact.path("warnings")), examples);
    }

    private static List<Count> counts(JsonNode map, String arrow) {
        List<Count> counts = new ArrayList<>();
        for (var entry : map.properties()) {
            String key = entry.getKey();
            int at = key.indexOf(arrow);
            counts.add(at < 0 ? new Count("", key, entry.getValue().asInt())
                    : new Count(key.substring(0, at), key.substring(at + arrow.length()), entry.getValue().asInt()));
        }
        return counts;
    }

    private static List<Count> items(JsonNode map) {
        List<Count> counts = new ArrayList<>();
        for (var entry : map.properties()) {
            String key = entry.getKey();
            counts.add(new Count(key.substring(0, 1), key.substring(1), entry.getValue().asInt()));
        }
        return counts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "–" : node.isString() ? node.asString() : node.toString();
    }
}
