package dk.kk.itassessment.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonLimits;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A scenario file past the limits of a JSON document is refused naming the field or the limit, as a request is. */
@IntegrationTest
class ScenarioLimitsTests {

    private static final Path SCENARIO = Path.of("decision-tables/scenarios/routes-row-21-known-supplier-fast-track.json");

    @Autowired
    ScenarioReader reader;

    @Test
    void aDeepScenarioIsRefusedNamingTheLimit() throws Exception {
        String deep = "[".repeat(600) + "]".repeat(600);
        String file = Files.readString(SCENARIO).replaceFirst("\\{", "{\"registry\": " + deep + ",");

        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> reader.read(bytes(file)));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.message()).contains("deeper than " + JsonLimits.MAX_DEPTH + " levels");
        });
    }

    @Test
    void aLongNumberInAScenarioIsRefusedNamingItsField() throws Exception {
        String file = Files.readString(SCENARIO).replaceFirst("\"request\"\\s*:\\s*\\{", "\"request\": {\"users\": " + "7".repeat(2000) + ",");

        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> reader.read(bytes(file)));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("request.users");
            assertThat(error.message()).contains("more than " + JsonLimits.MAX_NUMBER_LENGTH + " characters");
        });
    }

    @Test
    void aLongStoryIsRefusedNamingItsField() throws Exception {
        String file = Files.readString(SCENARIO).replaceFirst("\"story\"\\s*:\\s*\"[^\"]*\"",
                "\"story\": \"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"");

        InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> reader.read(bytes(file)));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("story");
            assertThat(error.message()).contains("string of more than " + JsonLimits.MAX_STRING_LENGTH);
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
