package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading an {@link Evaluation} in the terms of the tables: codes as sets, and the row that concluded. */
final class Outcome {

    static final List<String> ROUTES = List.of("NOT_AN_IT_ACQUISITION", "NOT_PERMITTED", "USE_EXISTING_PERMISSION",
            "AWAIT_PENDING_ACQUISITION", "DATA_AGREEMENT_REQUEST", "FAST_TRACK_ACQUISITION", "FULL_ACQUISITION");

    private Outcome() {
    }

    static Set<String> warnings(Evaluation e) {
        return new TreeSet<>(e.warnings().stream().map(Evaluation.Warning::code).toList());
    }

    static Set<String> checklist(Evaluation e) {
        return new TreeSet<>(e.checklist().stream().map(Evaluation.Item::code).toList());
    }

    static Evaluation.Warning warning(Evaluation e, String code) {
        return e.warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning " + code + " in " + warnings(e)));
    }

    static Evaluation.Item item(Evaluation e, String code) {
        return e.checklist().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no checklist item " + code + " in " + checklist(e)));
    }

    /** The one explanation line of a first-match table ({@code Routes}, {@code RiskTier}, {@code ReviewLevels}). */
    static Evaluation.Explanation chosenBy(Evaluation e, String sheet) {
        List<Evaluation.Explanation> lines = e.explanation().stream()
                .filter(x -> x.rule().startsWith(sheet + "_")).toList();
        assertThat(lines).as("rows of %s that concluded", sheet).hasSize(1);
        return lines.get(0);
    }

    /** The explanation line of the rule with this name (a DRL rule or a table row). */
    static Evaluation.Explanation line(Evaluation e, String rule) {
        return e.explanation().stream().filter(x -> x.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("rule " + rule + " did not fire"));
    }

    static boolean fired(Evaluation e, String rule) {
        return e.explanation().stream().anyMatch(x -> x.rule().equals(rule));
    }

    /** {@code decision-tables/routes.drl.xlsx, sheet Routes, row 14}. */
    static String row(String file, String sheet, int row) {
        return "decision-tables/" + file + ".drl.xlsx, sheet " + sheet + ", row " + row;
    }
}
