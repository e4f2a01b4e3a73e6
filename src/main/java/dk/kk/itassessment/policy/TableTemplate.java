package dk.kk.itassessment.policy;

import java.util.List;
import java.util.Locale;

/**
 * An uploaded table's template must be the one of the table it replaces: the same settings above the table, the same
 * {@code RuleTable} name and, column by column, the same CONDITION/ACTION, fact type, code and label. Only data rows
 * may differ. Labels count as template: they tell an officer what a column does ("Route (none of)"), so a changed
 * label would make the table say something other than what it does. Notes (cells of several words above the table,
 * column A beside it) are free.
 */
final class TableTemplate {

    private TableTemplate() {
    }

    static void compare(TableSheet draft, TableSheet base, List<Finding> errors) {
        List<TableSheet.Setting> settings = draft.settings();
        for (int i = 0; i < Math.max(settings.size(), base.settings().size()); i++) {
            TableSheet.Setting expected = i < base.settings().size() ? base.settings().get(i) : null;
            TableSheet.Setting actual = i < settings.size() ? settings.get(i) : null;
            if (expected == null || actual == null || !setting(expected).equals(setting(actual))) {
                String cell = actual == null ? draft.ref(draft.head(), draft.startCol()) : draft.ref(actual.row(), actual.col());
                String shipped = expected == null ? "nothing more" : "'" + setting(expected) + "'";
                errors.add(Finding.of(draft.table(), cell,
                        "indstillingerne over tabellen er projektets skabelon; her skal stå "
                                + (expected == null ? "intet" : shipped),
                        "the settings above the table are the project's template; here belongs " + shipped));
                return;
            }
        }
        String ruleTable = draft.grid().at(draft.head(), draft.startCol()).trim();
        String baseRuleTable = base.grid().at(base.head(), base.startCol()).trim();
        if (!ruleTable.equals(baseRuleTable)) {
            changed(draft, draft.head(), draft.startCol(), baseRuleTable, errors);
        }
        for (int i = 0; i < Math.max(draft.columns().size(), base.columns().size()); i++) {
            if (i >= draft.columns().size() || i >= base.columns().size()) {
                int col = draft.startCol() + i;
                String shipped = i < base.columns().size() ? base.columns().get(i).code() : "";
                changed(draft, draft.head() + 1, col, shipped, errors);
                continue;
            }
            TableSheet.Column actual = draft.columns().get(i);
            TableSheet.Column expected = base.columns().get(i);
            String[] a = {actual.condition() ? "CONDITION" : "ACTION", actual.fact(), actual.code(), actual.label()};
            String[] e = {expected.condition() ? "CONDITION" : "ACTION", expected.fact(), expected.code(), expected.label()};
            for (int r = 0; r < a.length; r++) {
                if (!a[r].equals(e[r])) {
                    changed(draft, draft.head() + 1 + r, actual.col(), e[r], errors);
                }
            }
        }
    }

    private static String setting(TableSheet.Setting setting) {
        return setting.key().toUpperCase(Locale.ROOT) + " " + setting.value();
    }

    private static void changed(TableSheet draft, int row, int col, String shipped, List<Finding> errors) {
        String value = "'" + TableCellType.shorten(shipped) + "'";
        errors.add(Finding.of(draft.table(), draft.ref(row, col),
                "skabelonen er projektets og må ikke ændres; her skal stå " + (shipped.isEmpty() ? "intet" : value),
                "the template is the project's and may not change; here belongs " + (shipped.isEmpty() ? "nothing" : value)));
    }
}
