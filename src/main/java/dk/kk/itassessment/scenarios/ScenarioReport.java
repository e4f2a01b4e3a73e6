package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.platform.Problems.FieldError;
import dk.kk.itassessment.policy.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * How a rule set did on its golden scenarios (CONTRACT.md, "Rule sets": {@code scenarios} and {@code coverage}).
 *
 * @param uncoveredRows the decision-table rows whose rule fired in no scenario, described like the explanation's
 *                      sources: {@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}
 */
public record ScenarioReport(int passed, int failed, List<Failure> failures, List<String> uncoveredRows) {

    public ScenarioReport {
        failures = List.copyOf(failures);
        uncoveredRows = List.copyOf(uncoveredRows);
    }

    /**
     * A scenario that did not pass: either the file could not be run ({@code errors}: not JSON, an invalid request
     * or registry entry, each field named as in a 400 answer), or parts of the decision differ ({@code differences}).
     *
     * @param file the scenario's path, {@code decision-tables/scenarios/…json}
     */
    public record Failure(String file, List<Difference> differences, List<FieldError> errors) {

        public Failure {
            differences = List.copyOf(differences);
            errors = List.copyOf(errors);
        }

        /**
         * The failure as a finding of the report, in Danish and English: the file, and each part it expects with the
         * part the rules decide now and the table rows that decide it; or why the file cannot be run.
         */
        public Finding finding() {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (!errors.isEmpty()) {
                String why = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
                return Finding.of(file, null, "Scenariet " + name + " kan ikke køres: " + why,
                        "The scenario " + name + " cannot be run: " + why);
            }
            List<String> da = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (Difference d : differences) {
                da.add(d.danish());
                en.add(d.english());
            }
            return Finding.of(file, null, "Scenariet " + name + " består ikke: " + String.join("; ", da),
                    "The scenario " + name + " fails: " + String.join("; ", en));
        }
    }

    /**
     * One part of the decision that differs, as the scenario writes it: lists of codes and names sorted, so that
     * their order never counts.
     *
     * @param part the key in the scenario's {@code expected}, e.g. {@code riskTier}, {@code checklist}
     */
    public record Difference(String part, JsonNode expected, JsonNode actual, List<TableRow> decidedBy) {

        public Difference {
            decidedBy = List.copyOf(decidedBy);
        }

        String english() {
            return say(Words.ENGLISH);
        }

        String danish() {
            return say(Words.DANISH);
        }

        private String say(Words words) {
            String rows = decidedBy.isEmpty() ? "" : " (" + words.decidedBy() + " " + decidedBy.stream()
                    .map(row -> row.sheet() + " " + words.row() + " " + row.row() + " " + words.in() + " " + row.table())
                    .collect(Collectors.joining(", ")) + ")";
            if (isCodes(expected) && isCodes(actual)) {
                List<String> missing = minus(expected, actual);
                List<String> extra = minus(actual, expected);
                List<String> says = new ArrayList<>();
                if (!missing.isEmpty()) {
                    says.add(String.join(", ", missing) + " " + words.notGiven());
                }
                if (!extra.isEmpty()) {
                    says.add(String.join(", ", extra) + " " + words.notExpected());
                }
                return part + ": " + String.join(words.and(), says) + rows;
            }
            return words.expects() + " " + part + " " + value(expected) + words.decides() + value(actual) + rows;
        }

        /** The words of a difference's sentence in one language. */
        private record Words(String decidedBy, String row, String in, String notGiven, String notExpected, String and,
                             String expects, String decides) {
            static final Words ENGLISH = new Words("decided by", "row", "in", "expected but not given",
                    "given but not expected", ", and ", "it expects", ", the rules decide ");
            static final Words DANISH = new Words("afgjort af", "række", "i", "forventet, men ikke givet",
                    "givet, men ikke forventet", ", og ", "det forventer", ", reglerne afgør ");
        }

        private static boolean isCodes(JsonNode node) {
            return node != null && node.isArray() && node.values().stream().allMatch(JsonNode::isString);
        }

        private static List<String> minus(JsonNode from, JsonNode other) {
            List<String> out = new ArrayList<>();
            from.values().forEach(v -> {
                if (!other.values().contains(v)) {
                    out.add(v.asString());
                }
            });
            return out;
        }

        private static String value(JsonNode node) {
            return node == null || node.isNull() ? "null" : node.isString() ? node.asString() : node.toString();
        }
    }

    /** A decision-table row: the table's name ({@code routes}), its sheet ({@code Routes}) and the row's number. */
    public record TableRow(String table, String sheet, int row) {
    }
}
