package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleFiles;
import java.util.List;
import java.util.Optional;

/**
 * Decision tables by name: a table's name is its file name without the folder and the {@code .drl.xlsx} /
 * {@code .drl.csv} ending ({@code decision-tables/routes.drl.xlsx} is {@code routes}).
 */
final class Tables {

    static final String FOLDER = "decision-tables/";

    private Tables() {
    }

    static boolean isTable(String path) {
        return path.startsWith(FOLDER) && !RuleFiles.isScenario(path)
                && (path.endsWith(".drl.xlsx") || path.endsWith(".drl.csv"));
    }

    static String name(String path) {
        return RuleFiles.tableName(path);
    }

    /** The path of the table called {@code name} in {@code files}. */
    static Optional<String> path(RuleFiles files, String name) {
        return files.files().keySet().stream().filter(Tables::isTable).filter(p -> name(p).equals(name)).findFirst();
    }

    static List<String> names(RuleFiles files) {
        return files.files().keySet().stream().filter(Tables::isTable).map(Tables::name).toList();
    }
}
