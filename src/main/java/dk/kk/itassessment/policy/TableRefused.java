package dk.kk.itassessment.policy;

/**
 * A table file that is not read any further, and why, in Danish and English: it is not a plain workbook, or it is
 * larger than {@link TableLimits} allow. It concerns the whole file (or names its part or sheet in the text).
 */
final class TableRefused extends Exception {

    private final transient Evaluation.Text reason;

    TableRefused(String da, String en) {
        super(en, null, false, false);
        this.reason = new Evaluation.Text(da, en);
    }

    Evaluation.Text reason() {
        return reason;
    }

    static TableRefused notAWorkbook() {
        return new TableRefused("filen er ikke et .xlsx-regneark", "the file is not an .xlsx workbook");
    }

    /** A workbook written in a way no spreadsheet program writes, so that programs may read it differently. */
    static TableRefused unusual(String da, String en) {
        return new TableRefused("filen er ikke et almindeligt .xlsx-regneark (" + da + "); åbn den, og gem den igen",
                "the file is not a plain .xlsx workbook (" + en + "); open it and save it again");
    }
}
