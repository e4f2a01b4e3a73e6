package dk.kk.itassessment.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario file's {@code expected} rewritten to the parts a rule set decides, the rest of the file as it was and
 * written as the shipped files are (two spaces, {@code "name": value}, one array element a line, a final line
 * break), so that a rewritten file differs from the one before only in the values it rewrote.
 */
public final class ScenarioFiles {

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER).withArrayIndenter(INDENTER);

    private ScenarioFiles() {
    }

    /** One expectation rewritten: the scenario's path, the part, what it expected and what it expects now. */
    public record Rewrite(String file, String part, JsonNode was, JsonNode now) {
    }

    /**
     * The file with each of {@code parts} (a part's name → the value decided now) set in its {@code expected};
     * {@code rewrites} gets one entry per part. The file must be one the scenario reader read (a JSON object with an
     * {@code expected} object).
     */
    public static byte[] rewrite(JsonMapper json, String file, byte[] bytes, Map<String, JsonNode> parts,
                                 List<Rewrite> rewrites) {
        ObjectNode root = (ObjectNode) json.readTree(bytes);
        ObjectNode expected = (ObjectNode) root.get("expected");
        List<Rewrite> made = new ArrayList<>();
        parts.forEach((part, now) -> {
            made.add(new Rewrite(file, part, expected.get(part), now));
            expected.set(part, now);
        });
        rewrites.addAll(made);
        return write(json, root);
    }

    /** A scenario's JSON as the shipped files are written. */
    static byte[] write(JsonMapper json, JsonNode root) {
        return (json.writer().with(PRINTER).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
