package dk.kk.itassessment.policy;

import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet of a table file as text cells, {@code cells[row][col]} 0-based, blank cells "". A CSV file is one grid
 * named like its table. {@code hidden} is true for a hidden or very hidden sheet.
 */
record TableGrid(String name, boolean hidden, List<List<String>> cells) {

    String at(int row, int col) {
        if (row < 0 || row >= cells.size()) {
            return "";
        }
        List<String> r = cells.get(row);
        return col < r.size() ? r.get(col) : "";
    }

    /** The {@code RuleTable} cell as {row, col}, or null for a guide or notes sheet. */
    int[] ruleTable() {
        for (int r = 0; r < cells.size(); r++) {
            for (int c = 0; c < cells.get(r).size(); c++) {
                if (cells.get(r).get(c).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** {@code Routes!C14}. */
    String ref(int row, int col) {
        return name + "!" + new CellReference(row, col).formatAsString(false);
    }

    /** A whole row: {@code Routes!22:22}. */
    String rowRef(int row) {
        return name + "!" + (row + 1) + ":" + (row + 1);
    }
}
