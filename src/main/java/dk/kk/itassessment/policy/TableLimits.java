package dk.kk.itassessment.policy;

import java.util.Locale;

/**
 * How much a table file may hold, checked while it is unpacked and read, before anything keeps it whole in memory
 * (POI's and Drools' own reading included, which come after). A policy table has a few hundred rows of a few dozen
 * columns; these bounds leave room for that many times over and keep a hostile file from costing more than a few
 * megabytes.
 */
final class TableLimits {

    /** Unpacked bytes of one part of a workbook (a sheet, the shared strings, an image). */
    static final long MAX_PART_BYTES = 4L * 1024 * 1024;
    /** Unpacked bytes of all parts together. */
    static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024;
    /** Parts (zip entries) of a workbook. */
    static final int MAX_PARTS = 1000;
    /** Rows of a sheet or CSV file: nothing may stand below this row. */
    static final int MAX_ROWS = 1000;
    /** Columns of a sheet or CSV file (A to CV). */
    static final int MAX_COLUMNS = 100;
    /** Cells written in a file, blank ones with a format included, over all its sheets. */
    static final int MAX_CELLS = 20_000;
    /** Merged regions of one sheet. */
    static final int MAX_MERGED_REGIONS = 500;

    private TableLimits() {
    }

    static String mib(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib == Math.rint(mib) ? Long.toString((long) mib) : String.format(Locale.ROOT, "%.1f", mib);
    }
}
