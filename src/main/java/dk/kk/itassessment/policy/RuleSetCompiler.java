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
 * executable model → KieContainer. Tables are checked cell by cell and turned into DRL sheet by sheet first. Any
 * error refuses the whole rule set, naming the file and the line, sheet, cell or row.
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

        List<String> problems = new ArrayList<>();
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
                    remember(sources, m.group(1), RuleSource.drl(path, line), problems);
                }
            } else if (!RuleFiles.isScenario(path)) {
                for (DecisionTables.CompiledSheet sheet : DecisionTables.compile(path, bytes, problems)) {
                    String resource = resource(sheet.drl(), path.substring(path.lastIndexOf('/') + 1).replace('.', '_')
                            + "_" + sheet.sheet().replaceAll("[^A-Za-z0-9_-]", "_") + ".drl");
                    kfs.write(resource, sheet.drl());
                    generated.put(resource, sheet);
                    for (DecisionTables.RuleOrigin rule : sheet.rules()) {
                        remember(sources, rule.name(), RuleSource.table(path, sheet.sheet(), rule.row()), problems);
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetRejected(problems);
        }

        KieBuilder builder = kie.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(describe(message, generated, drlFiles));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejected(problems);
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

    private static void remember(Map<String, RuleSource> sources, String rule, RuleSource source, List<String> problems) {
        RuleSource earlier = sources.putIfAbsent(rule, source);
        if (earlier != null) {
            problems.add(source.describe() + ": the rule name \"" + rule + "\" is also used at " + earlier.describe());
        }
    }

    /** A build message, pointed back at the file and line — or, for a table, at the row the generated rule came from. */
    private static String describe(Message message, Map<String, DecisionTables.CompiledSheet> generated,
                                   Map<String, String> drlFiles) {
        String path = message.getPath() == null ? "" : message.getPath();
        String text = message.getText() == null ? "" : message.getText().strip();
        DecisionTables.CompiledSheet sheet = generated.get(path.startsWith(RESOURCES) ? path : RESOURCES + path);
        if (sheet != null) {
            DecisionTables.RuleOrigin origin = null;
            for (DecisionTables.RuleOrigin rule : sheet.rules()) {
                if (message.getLine() >= rule.drlLine()) {
                    origin = rule;
                }
            }
            String where = DecisionTables.where(sheet.file(), sheet.sheet());
            return (origin == null ? where : where + ", row " + origin.row()) + ": " + text;
        }
        String resource = path.startsWith(RESOURCES) ? path : RESOURCES + path;
        String file = drlFiles.getOrDefault(resource, path);
        return file + (message.getLine() > 0 ? ", line " + message.getLine() : "") + ": " + text;
    }
}
