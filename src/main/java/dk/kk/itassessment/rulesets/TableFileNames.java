package dk.kk.itassessment.rulesets;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table an uploaded file is for, told from its name leniently: in any case, with a folder before it, with the
 * mark a browser or a file manager adds to a second copy ({@code routes.drl (1).xlsx}, {@code routes (2).drl.xlsx},
 * {@code routes.drl - Copy.xlsx}), and with or without {@code .drl}: {@code Routes.drl.xlsx} and {@code routes.xlsx}
 * are the table {@code routes}. The file is stored under the table's own name.
 */
final class TableFileNames {

    /** A table's name and the format of the file: {@code xlsx} or {@code csv}. */
    record TableFile(String table, String format) {

        /** The file name the table is stored under: {@code routes.drl.xlsx}. */
        String fileName() {
            return table + ".drl." + format;
        }
    }

    private static final Pattern FILE = Pattern.compile("(.+)\\.(xlsx|csv)");
    private static final Pattern COPY = Pattern.compile("(.*?)(?:\\s*\\(\\d{1,3}\\)|\\s*-?\\s*(?:copy|kopi)(?:\\s*\\(?\\d{1,3}\\)?)?)");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,60}");

    private TableFileNames() {
    }

    static Optional<TableFile> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .strip().toLowerCase(Locale.ROOT);
        Matcher file = FILE.matcher(name);
        if (!file.matches()) {
            return Optional.empty();
        }
        String stem = withoutCopyMark(file.group(1));
        if (stem.endsWith(".drl")) {
            stem = withoutCopyMark(stem.substring(0, stem.length() - ".drl".length()));
        }
        return NAME.matcher(stem).matches() ? Optional.of(new TableFile(stem, file.group(2))) : Optional.empty();
    }

    private static String withoutCopyMark(String stem) {
        Matcher copy = COPY.matcher(stem);
        return (copy.matches() ? copy.group(1) : stem).strip();
    }
}
