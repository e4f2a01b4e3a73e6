package dk.kk.itassessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChainTests {

    static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static JsonNode json(String text) {
        return EXACT.readTree(text);
    }

    @Test
    void canonicalJsonSortsKeysAndWritesNumbersPlainWithoutWhiteSpace() {
        assertThat(Chain.canonical(json("{ \"b\": [1.50, 1.5E1, -0.0, 10], \"a\": {\"y\": true, \"x\": null}, "
                + "\"c\": \"æ\\\"\\n\" }")))
                .isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[1.5,15,0,10],\"c\":\"æ\\\"\\n\"}");
    }

    @Test
    void theTextPostgresqlGivesBackForJsonbHashesTheSame() {
        // jsonb orders keys by length, puts a space after each colon and comma, and keeps numeric digits as given
        String stored = Chain.canonical(json("{\"route\":\"FULL_ACQUISITION\",\"n\":100000000000000000000,\"f\":0.1}"));
        String readBack = "{\"f\": 0.1, \"n\": 100000000000000000000, \"route\": \"FULL_ACQUISITION\"}";

        assertThat(Chain.canonical(json(readBack))).isEqualTo(stored);
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        Instant at = Instant.parse("2026-11-27T10:15:30.123456Z");
        JsonNode details = json("{\"created\":1}");
        String hash = Chain.hash(null, 1, at, "anna", "suppliers.imported", "suppliers", details);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(Chain.hash(null, 1, at, "anna", "suppliers.imported", "suppliers", json("{\"created\":1}")))
                .isEqualTo(hash);
        assertThat(java.util.List.of(
                Chain.hash("0".repeat(64), 1, at, "anna", "suppliers.imported", "suppliers", details),
                Chain.hash(null, 2, at, "anna", "suppliers.imported", "suppliers", details),
                Chain.hash(null, 1, at.plusNanos(1000), "anna", "suppliers.imported", "suppliers", details),
                Chain.hash(null, 1, at, "anne", "suppliers.imported", "suppliers", details),
                Chain.hash(null, 1, at, "anna", "suppliers.imported", "supplier", details),
                Chain.hash(null, 1, at, "anna", "suppliers.imported", "suppliers", json("{\"created\":2}"))))
                .doesNotContain(hash).doesNotHaveDuplicates();
    }

    @Test
    void theHashIsTheSha256OfTheDocumentedArray() throws Exception {
        Instant at = Instant.parse("2026-11-27T10:15:30.123400Z");
        String text = "[\"" + "a".repeat(64) + "\",7,\"2026-11-27T10:15:30.123400Z\",\"anna \\\"a\\\"\",\"suppliers.imported\","
                + "\"suppliers\",{\"created\":1,\"z\":[true]}]";
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(Chain.hash("a".repeat(64), 7, at, "anna \"a\"", "suppliers.imported", "suppliers",
                json("{\"z\": [true], \"created\": 1.0}"))).isEqualTo(expected);
    }
}
