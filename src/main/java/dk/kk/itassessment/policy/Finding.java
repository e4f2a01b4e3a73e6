package dk.kk.itassessment.policy;

/**
 * One thing a check found in a rule set, in Danish and English: the table (its name, e.g. {@code routes}, or a
 * DRL file's path), the cell ({@code Routes!C14}) or line where it is, null when it concerns the whole file, and
 * what is wrong and what is allowed.
 */
public record Finding(String table, String cell, Evaluation.Text message) {

    public static Finding of(String table, String cell, String da, String en) {
        return new Finding(table, cell, new Evaluation.Text(da, en));
    }

    /** {@code routes, Routes!C14: …} in English, for logs and start-up failures. */
    public String describe() {
        String where = table == null ? cell : cell == null ? table : table + ", " + cell;
        return where == null ? message.en() : where + ": " + message.en();
    }
}
