package dk.kk.itassessment.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;

/** A rewritten scenario file differs from the one before only in the values rewritten. */
class ScenarioFilesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> shipped() throws Exception {
        return Files.list(Path.of("decision-tables/scenarios")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void aShippedFileIsWrittenBackByteForByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);

        assertThat(new String(ScenarioFiles.write(JSON, JSON.readTree(bytes)), StandardCharsets.UTF_8))
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aRewriteChangesTheValueItNamesAndSaysWhatItWas() throws Exception {
        Path file = Path.of("decision-tables/scenarios/routes-row-21-known-supplier-fast-track.json");
        String before = Files.readString(file);
        List<ScenarioFiles.Rewrite> rewrites = new ArrayList<>();

        String after = new String(ScenarioFiles.rewrite(JSON, file.toString(), before.getBytes(StandardCharsets.UTF_8),
                Map.of("estimatedProcessingDays", IntNode.valueOf(35)), rewrites), StandardCharsets.UTF_8);

        assertThat(after).isEqualTo(before.replace("\"estimatedProcessingDays\": 30", "\"estimatedProcessingDays\": 35"))
                .isNotEqualTo(before);
        assertThat(rewrites).containsExactly(new ScenarioFiles.Rewrite(file.toString(), "estimatedProcessingDays",
                IntNode.valueOf(30), IntNode.valueOf(35)));
    }
}
