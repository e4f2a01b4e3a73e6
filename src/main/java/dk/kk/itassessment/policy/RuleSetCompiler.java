package dk.kk.itassessment.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Builds a {@link RuleSet} from rule and table files with the KIE API: KieFileSystem → KieBuilder with the
 * executable model → KieContainer. Tables are checked ({@link TableChecks}) and turned into DRL sheet by sheet first.
 * Any error refuses the whole rule set with {@link Finding}s naming the DRL file and line, or the table and its cell
 * or row.
 */
public final class RuleSetCompiler {

    private static final Pattern DRL_RULE = Pattern.compile("^[ \\t]*rule[ \\t]+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern DRL_PACKAGE = Pattern.compile("^[ \\t]*package[ \\t]+([\\w.]+)", Pattern.MULTILINE);
    private static final String RESOURCES = "src/main/resources/";
    private static final java.util.concurrent.atomic.AtomicLong COMPILATIONS = new java.util.concurrent.atomic.AtomicLong();

    /** Compiles files that are not (yet) a stored version: they are named by their fingerprint's first 12 digits. */
    public RuleSet compile(RuleFiles files) {
        return compile(files, files.fingerprint().substring("sha256:".length(), "sha256:".length() + 12));
    }

    /** Compiles a rule set whose answers name it {@code version} (a stored version's id). */
    public RuleSet compile(RuleFiles files, String version) {
        String fingerprint = files.fingerprint();
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        // a release id of its own for every compilation: two compilations of the same files may live side by side
        ReleaseId releaseId = kie.newReleaseId("dk.kk.itassessment", "ruleset", "1.0.0-" + fingerprint.substring(7, 19)
                + "-" + COMPILATIONS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);

        List<Finding> problems = new ArrayList<>();
        Map<String, RuleSource> sources = new HashMap<>();
        Map<String, DecisionTables.CompiledSheet> generated = new HashMap<>();
        Map<String, String> drlFiles = new HashMap<>();
        files.files().forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                String drl = new String(bytes, StandardCharsets.UTF_8);
                String resource = unique(resource(drl, path.substring(path.lastIndexOf('/') + 1)), drlFiles.keySet());
                kfs.write(resource, drl);
                drlFiles.put(resource, path);
                Matcher m = DRL_RULE.matcher(drl);
                while (m.find()) {
                    int line = (int) drl.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                    remember(sources, m.group(1), RuleSource.drl(path, line), path, "line " + line, problems);
                }
            } else if (!RuleFiles.isScenario(path)) {
                for (DecisionTables.CompiledSheet sheet : DecisionTables.compile(path, bytes, problems)) {
                    String resource = resource(sheet.drl(), path.substring(path.lastIndexOf('/') + 1).replace('.', '_')
                            + "_" + sheet.sheet().replaceAll("[^A-Za-z0-9_-]", "_") + ".drl");
                    kfs.write(resource, sheet.drl());
                    generated.put(resource, sheet);
                    for (DecisionTables.RuleOrigin rule : sheet.rules()) {
                        remember(sources, rule.name(), RuleSource.table(path, sheet.sheet(), rule.row()), sheet.table(),
                                row(sheet, rule.row()), problems);
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw RuleSetRejected.because(problems);
        }

        KieBuilder builder = kie.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(describe(message, generated, drlFiles));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw RuleSetRejected.because(problems);
        }
        return new RuleSet(version, fingerprint, kie.newKieContainer(releaseId), releaseId, sources);
    }

    /** Where a DRL goes in the KIE file system: the folder of its package, as Drools advises. */
    private static String resource(String drl, String name) {
        Matcher m = DRL_PACKAGE.matcher(drl);
        String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
        return RESOURCES + folder + name;
    }

    /** Two files of one package may share a name (rules/a/x.drl, rules/b/x.drl): keep both. */
    private static String unique(String resource, java.util.Set<String> taken) {
        String candidate = resource;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = resource.replaceFirst("\\.drl$", "_" + i + ".drl");
        }
        return candidate;
    }

    private static void remember(Map<String, RuleSource> sources, String rule, RuleSource source, String table,
                                 String cell, List<Finding> problems) {
        RuleSource earlier = sources.putIfAbsent(rule, source);
        if (earlier != null) {
            problems.add(Finding.of(table, cell, "regelnavnet \"" + rule + "\" bruges også i " + earlier.describe(),
                    "the rule name \"" + rule + "\" is also used at " + earlier.describe()));
        }
    }

    /**
     * The executable model reports some errors without a line, quoting the code it could not build after the last
     * colon ({@code Unable to parse left part of expression: noSuchField == true}): the first generated line holding
     * that code, or -1.
     */
    private static int lineOfQuotedCode(String drl, String text) {
        String code = text.substring(text.lastIndexOf(": ") + 1).strip();
        int at = code.length() < 3 ? -1 : drl.indexOf(code);
        return at < 0 ? -1 : (int) drl.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** A table row as a finding's cell: {@code Routes!22:22}. */
    private static String row(DecisionTables.CompiledSheet sheet, int row) {
        return sheet.sheet() + "!" + row + ":" + row;
    }

    /**
     * A build message, pointed back at the DRL file and line, or, for a table, at the row the generated rule came from
     * (the sheet when no row can be told). Drools says what is wrong in English only.
     */
    private static Finding describe(Message message, Map<String, DecisionTables.CompiledSheet> generated,
                                    Map<String, String> drlFiles) {
        String path = message.getPath() == null ? "" : message.getPath();
        String text = message.getText() == null ? "" : message.getText().strip();
        String resource = path.startsWith(RESOURCES) ? path : RESOURCES + path;
        DecisionTables.CompiledSheet sheet = generated.get(resource);
        if (sheet != null) {
            int line = message.getLine() > 0 ? message.getLine() : lineOfQuotedCode(sheet.drl(), text);
            DecisionTables.RuleOrigin origin = null;
            for (DecisionTables.RuleOrigin rule : sheet.rules()) {
                if (line >= rule.drlLine()) {
                    origin = rule;
                }
            }
            if (origin == null) {
                return Finding.of(sheet.table(), null, "arket " + sheet.sheet() + " kan ikke oversættes (Drools: " + text + ")",
                        "the sheet " + sheet.sheet() + " does not compile (Drools: " + text + ")");
            }
            return Finding.of(sheet.table(), row(sheet, origin.row()),
                    "rækken kan ikke oversættes til en regel (Drools: " + text + ")",
                    "the row cannot be compiled into a rule (Drools: " + text + ")");
        }
        String file = drlFiles.getOrDefault(resource, path);
        String line = message.getLine() > 0 ? "line " + message.getLine() : null;
        return Finding.of(file, line, "filen kan ikke oversættes (Drools: " + text + ")",
                "the file does not compile (Drools: " + text + ")");
    }
}
