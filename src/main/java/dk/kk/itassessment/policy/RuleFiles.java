package dk.kk.itassessment.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dk.kk.itassessment.platform.Sha256;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one rule set, by their path relative to the project ({@code rules/derive/lookups.drl},
 * {@code decision-tables/routes.drl.xlsx}, {@code decision-tables/scenarios/01-free-app.json}), and the fingerprint
 * that identifies exactly these files. The golden scenarios belong to the rule set they were written for, so a
 * changed scenario is a changed rule set.
 */
public record RuleFiles(Map<String, byte[]> files) {

    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Where a rule set's golden scenarios live (below the tables folder). */
    public static final String SCENARIOS = "decision-tables/scenarios/";

    public RuleFiles {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /**
     * Reads every {@code *.drl} below the rules folder, every {@code *.drl.xlsx} / {@code *.drl.csv} below the
     * tables folder and every {@code *.json} below its {@code scenarios} folder (which may be absent).
     */
    public static RuleFiles read(Path rulesDir, Path tablesDir) {
        Map<String, byte[]> files = new TreeMap<>();
        collect(rulesDir, "rules", files, ".drl");
        collect(tablesDir, "decision-tables", files, ".drl.xlsx", ".drl.csv");
        Path scenarios = tablesDir.resolve("scenarios");
        if (Files.isDirectory(scenarios)) {
            collect(scenarios, SCENARIOS.substring(0, SCENARIOS.length() - 1), files, ".json");
        }
        return new RuleFiles(files);
    }

    /** Whether the file at {@code path} is a golden scenario rather than a rule or a table. */
    public static boolean isScenario(String path) {
        return path.startsWith(SCENARIOS) && path.endsWith(".json");
    }

    /** The golden scenarios among the files, by path. */
    public Map<String, byte[]> scenarios() {
        Map<String, byte[]> scenarios = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (isScenario(path)) {
                scenarios.put(path, bytes);
            }
        });
        return scenarios;
    }

    private static void collect(Path dir, String prefix, Map<String, byte[]> files, String... endings) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetRejected(java.util.List.of("The folder " + dir.toAbsolutePath() + " does not exist"));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith(".~lock") || name.startsWith("~$")) {
                    continue; // LibreOffice and Excel lock files of a table someone has open
                }
                if (Stream.of(endings).noneMatch(name::endsWith)) {
                    continue;
                }
                if (Files.size(path) > MAX_FILE_BYTES) {
                    throw new RuleSetRejected(java.util.List.of(prefix + "/" + dir.relativize(path) + " is larger than 5 MiB"));
                }
                files.put(prefix + "/" + dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table's name: its file name without folder and ending ({@code decision-tables/routes.drl.xlsx} is {@code routes}). */
    public static String tableName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.drl\\.(xlsx|csv)$", "");
    }

    /** {@code sha256:} over each file's path and content, in path order. */
    public String fingerprint() {
        MessageDigest sha = Sha256.digest();
        files.forEach((path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
