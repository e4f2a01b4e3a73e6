package dk.kk.itassessment.policy;

/**
 * Where a rule comes from: a DRL file and the line its rule starts on, or a decision-table file, sheet and row.
 */
public record RuleSource(String file, String sheet, Integer row, Integer line) {

    static RuleSource drl(String file, int line) {
        return new RuleSource(file, null, null, line);
    }

    static RuleSource table(String file, String sheet, int row) {
        return new RuleSource(file, sheet, row, null);
    }

    /** {@code decision-tables/routes.drl.xlsx, sheet Routes, row 14} or {@code rules/derive/lookups.drl, line 8}. */
    public String describe() {
        if (row != null) {
            return (sheet == null || file.endsWith(".csv") ? file : file + ", sheet " + sheet) + ", row " + row;
        }
        return file + ", line " + line;
    }
}
