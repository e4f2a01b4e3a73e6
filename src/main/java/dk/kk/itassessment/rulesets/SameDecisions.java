package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.TableChecks;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a draft decides exactly as its base: the same rules and scenarios byte for byte, and every table read by
 * Drools into the same DRL (a workbook saved again by LibreOffice, Excel or openpyxl, notes or layout changed).
 */
final class SameDecisions {

    private SameDecisions() {
    }

    static boolean asBase(RuleFiles draft, RuleFiles base) {
        Map<String, byte[]> others = others(draft);
        Map<String, byte[]> baseOthers = others(base);
        if (!others.keySet().equals(baseOthers.keySet())
                || others.entrySet().stream().anyMatch(file -> !Arrays.equals(file.getValue(), baseOthers.get(file.getKey())))) {
            return false;
        }
        Set<String> tables = Set.copyOf(Tables.names(draft));
        if (!tables.equals(Set.copyOf(Tables.names(base)))) {
            return false;
        }
        for (String table : tables) {
            String path = Tables.path(draft, table).orElseThrow();
            String basePath = Tables.path(base, table).orElseThrow();
            byte[] bytes = draft.files().get(path);
            byte[] baseBytes = base.files().get(basePath);
            if (path.equals(basePath) && Arrays.equals(bytes, baseBytes)) {
                continue;
            }
            Optional<?> drl = TableChecks.drl(path, bytes);
            if (drl.isEmpty() || !drl.equals(TableChecks.drl(basePath, baseBytes))) {
                return false;
            }
        }
        return true;
    }

    /** The files that are no tables: rules, scenarios. */
    private static Map<String, byte[]> others(RuleFiles files) {
        return files.files().entrySet().stream().filter(file -> !Tables.isTable(file.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
