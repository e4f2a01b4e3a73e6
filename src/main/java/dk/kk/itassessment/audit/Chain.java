package dk.kk.itassessment.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import dk.kk.itassessment.platform.Sha256;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How an entry's hash is computed, so that anyone can compute it again: SHA-256 (lower-case hex) of the UTF-8 bytes
 * of the canonical JSON array {@code [previousHash or null, seq, at, actor, action, target, details]}, where
 * {@code at} is the ISO-8601 instant in UTC with at most microseconds ({@link Instant#toString()}).
 *
 * <p>Canonical JSON: no white space; object keys sorted (Java {@link String#compareTo}); numbers as plain decimals
 * without trailing zeros ({@code 1.50} and {@code 1.5E1} are {@code 1.5} and {@code 15}), so the text PostgreSQL
 * gives back for a {@code jsonb} column hashes the same as the text that was stored.
 */
final class Chain {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads details back with every decimal digit, as PostgreSQL keeps them. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Chain() {
    }

    static String hash(String previousHash, long seq, Instant at, String actor, String action, String target,
                       JsonNode details) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode()
                .add(previousHash).add(seq).add(at.toString()).add(actor).add(action).add(target).add(details);
        return Sha256.hex(canonical(fields));
    }

    /** The details of a stored entry, from the text PostgreSQL gives back for the {@code jsonb} column. */
    static JsonNode details(String text) {
        return EXACT.readTree(text);
    }

    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(p -> sorted.put(p.getKey(), p.getValue()));
            out.append('{');
            String separator = "";
            for (var property : sorted.entrySet()) {
                out.append(separator).append(JSON.writeValueAsString(property.getKey())).append(':');
                write(property.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            String separator = "";
            for (JsonNode value : node.values()) {
                out.append(separator);
                write(value, out);
                separator = ",";
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isString()) {
            out.append(JSON.writeValueAsString(node.stringValue()));
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }
}
