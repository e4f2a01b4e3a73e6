package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An example's registry part loads through the API, and its look-up finds what the example expects. */
@IntegrationTest
class RegistryFixturesTests {

    static final Path EXAMPLES = Path.of("/work/shared/examples");

    @Autowired
    RegistryFixtures fixtures;

    @Autowired
    Registry registry;

    @AfterEach
    void clear() {
        fixtures.clear();
    }

    @Test
    void clearEmptiesTheRegistryAndLoadRegistersAnExamplesPart() {
        fixtures.clear();
        fixtures.load(Api.json().readTree("""
                {"suppliers": [{"name": "Skolesoft ApS", "cvr": "13585628", "agreement": "ACTIVE",
                                "agreementValidUntil": null, "coveredSystems": ["Skolesoft Fravær"]}],
                 "portfolio": [{"name": "Matematikfessor", "aliases": ["MatFessor"], "supplierName": "Alinea",
                                "supplierCvr": null, "category": "TEACHING", "permission": "GRANTED",
                                "permissionValidUntil": null, "connectedInstitutions": ["Amager Fælled Skole"]}]}
                """));

        Matches lookup = registry.lookup("matfessor", "skolesoft aps", null, "TEACHING", "Amager Fælled Skole",
                LocalDate.of(2026, 11, 27));

        assertThat(lookup.portfolio().institutionConnected()).isTrue();
        assertThat(lookup.supplier().name()).isEqualTo("Skolesoft ApS");
        fixtures.clear();
        assertThat(registry.lookup("matfessor", "skolesoft aps", null, "TEACHING", null, LocalDate.of(2026, 11, 27)))
                .isEqualTo(new Matches(null, null, List.of()));
    }

    /** The shared examples (where this checkout can see them). */
    @Test
    void eachSharedExampleLoadsIntoAnEmptyRegistryAndLooksUpAsExpected() throws Exception {
        assumeTrue(Files.isDirectory(EXAMPLES), EXAMPLES + " is not here");
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode example = Api.json().readTree(file.toFile());
                fixtures.clear();
                fixtures.load(example.get("registry"));

                JsonNode solution = example.get("request").get("solution");
                Matches lookup = registry.lookup(solution.get("name").asString(),
                        solution.get("supplierName").asString(), solution.get("supplierCvr").asString(null),
                        solution.get("category").asString(), example.get("request").get("requester")
                                .get("institution").asString(), LocalDate.of(2026, 11, 27));
                JsonNode expected = example.get("expected");
                assertThat(lookup.portfolio() == null ? "NONE" : lookup.portfolio().permission())
                        .as(file.getFileName().toString())
                        .isEqualTo(expected.get("lookups").get("portfolio").asString());
                assertThat(lookup.portfolio() != null && lookup.portfolio().institutionConnected())
                        .as(file.getFileName().toString())
                        .isEqualTo(expected.get("lookups").get("institutionConnected").asBoolean());
                assertThat(lookup.supplier() == null ? "NONE" : lookup.supplier().agreement())
                        .as(file.getFileName().toString())
                        .isEqualTo(expected.get("lookups").get("supplierAgreement").asString());
                assertThat(lookup.alternatives()).extracting(Matches.Alternative::name)
                        .as(file.getFileName().toString())
                        .containsExactlyElementsOf(expected.get("alternatives").values().stream()
                                .map(a -> a.isObject() ? a.get("name").asString() : a.asString()).toList());
            }
        }
    }
}
