package dk.kk.itassessment.assessment;

import dk.kk.itassessment.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The nine examples of ../shared/examples (copied to src/test/resources/examples): request, registry, expected. */
public final class Examples {

    static final List<String> NAMES = List.of(
            "01-free-app-no-personal-data", "02-smartboard-with-software", "03-known-supplier-new-system",
            "04-approved-supplier-covered-system", "05-already-permitted-not-connected",
            "06-wellbeing-survey-in-use-us-cloud", "07-refused-system-trial", "08-ai-grading-tool",
            "09-plain-hardware");

    private Examples() {
    }

    static Stream<String> names() {
        return NAMES.stream();
    }

    public static JsonNode load(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return Api.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request of example 01: a valid request to start from. */
    public static JsonNode request() {
        return load(NAMES.get(0)).get("request");
    }
}
