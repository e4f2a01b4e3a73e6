package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nine shared examples (src/test/resources/examples, copies of /work/shared/examples): each request with its
 * registry, mapped to the facts by hand (the registry look-up emulated as POLICY.md describes it), through the engine.
 */
class ExamplePolicyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> examples() {
        return Stream.of("01-free-app-no-personal-data", "02-smartboard-with-software", "03-known-supplier-new-system",
                "04-approved-supplier-covered-system", "05-already-permitted-not-connected",
                "06-wellbeing-survey-in-use-us-cloud", "07-refused-system-trial", "08-ai-grading-tool",
                "09-plain-hardware");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachExampleGetsItsExpectedDecision(String name) {
        JsonNode example = read(name);
        JsonNode expected = example.get("expected");

        Evaluation e = ShippedPolicy.evaluate(facts(example.get("request"), example.get("registry")));

        assertThat(e.route()).isEqualTo(expected.get("route").asString());
        assertThat(e.newAcquisitionRequired()).isEqualTo(expected.get("newAcquisitionRequired").asBoolean());
        assertThat(e.securityReview()).isEqualTo(expected.get("securityReview").asString());
        assertThat(e.riskTier()).isEqualTo(expected.get("riskTier").asString());
        assertThat(e.dpiaRequired()).isEqualTo(expected.get("dpiaRequired").asBoolean());
        JsonNode days = expected.get("estimatedProcessingDays");
        assertThat(e.estimatedProcessingDays()).isEqualTo(days.isNull() ? null : days.asInt());
        assertThat(Outcome.warnings(e)).containsExactlyInAnyOrderElementsOf(strings(expected.get("warnings")));
        assertThat(Outcome.checklist(e)).containsExactlyInAnyOrderElementsOf(strings(expected.get("checklist")));
        expected.get("checklistResponsible").forEachEntry((code, responsible) ->
                assertThat(Outcome.item(e, code).responsible()).as(code).isEqualTo(responsible.asString()));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theEmulatedLookUpsMatchTheExample(String name) {
        JsonNode example = read(name);
        JsonNode lookups = example.get("expected").get("lookups");

        Facts facts = facts(example.get("request"), example.get("registry"));

        assertThat(facts.portfolio).isEqualTo(lookups.get("portfolio").asString());
        assertThat(facts.agreement).isEqualTo(lookups.get("supplierAgreement").asString());
        assertThat(facts.institutionConnected).isEqualTo(lookups.get("institutionConnected").asBoolean());
        assertThat(facts.alternatives).isEqualTo(example.get("expected").get("alternatives").size());
    }

    // --- the request and the registry as facts ---

    static Facts facts(JsonNode request, JsonNode registry) {
        JsonNode solution = request.get("solution");
        JsonNode data = request.get("personalData");
        JsonNode status = request.path("status");
        String name = solution.get("name").asString();
        String institution = request.get("requester").get("institution").asString();

        Facts facts = Facts.plain().with(f -> {
            f.requesterRole = request.get("requester").get("role").asString();
            f.institutionType = request.get("requester").get("institutionType").asString();
            f.kind = solution.get("kind").asString();
            f.category = solution.get("category").asString();
            f.aiFeatures = strings(solution.path("aiFeatures"));
            f.purpose = request.get("purpose").asString();
            f.free = request.get("cost").get("free").asBoolean();
            f.purchaseChannel = text(request.get("cost").path("purchaseChannel"), "NONE");
            f.personalData = data.get("processed").asBoolean();
            f.subjects = strings(data.path("subjects"));
            f.dataCategories = strings(data.path("categories"));
            f.location = text(data.path("location"), null);
            f.supplierOwnPurposes = data.path("supplierOwnPurposes").asBoolean(false);
            f.purchased = status.path("purchased").asBoolean(false);
            f.contractSigned = status.path("contractSigned").asBoolean(false);
            f.inUse = status.path("inUse").asBoolean(false);
            f.users = request.path("users").asInt(0);
        });

        List<JsonNode> portfolio = list(registry.get("portfolio"));
        JsonNode match = portfolio.stream()
                .filter(entry -> Stream.concat(Stream.of(entry.get("name")), list(entry.path("aliases")).stream())
                        .anyMatch(n -> same(n.asString(), name)))
                .findFirst().orElse(null);
        if (match != null) {
            facts.portfolio = match.get("permission").asString();
            facts.permissionValidUntil = date(match.path("permissionValidUntil"));
            facts.institutionConnected = list(match.path("connectedInstitutions")).stream()
                    .anyMatch(n -> same(n.asString(), institution));
        }
        facts.alternatives = (int) portfolio.stream()
                .filter(entry -> entry != match)
                .filter(entry -> entry.get("category").asString().equals(facts.category))
                .filter(entry -> entry.get("permission").asString().equals("GRANTED"))
                .filter(entry -> date(entry.path("permissionValidUntil")) == null
                        || !date(entry.path("permissionValidUntil")).isBefore(Facts.TODAY))
                .count();

        String cvr = text(solution.path("supplierCvr"), null);
        List<JsonNode> suppliers = list(registry.get("suppliers"));
        JsonNode supplier = suppliers.stream()
                .filter(s -> cvr != null && cvr.equals(text(s.path("cvr"), null)))
                .findFirst()
                .or(() -> suppliers.stream()
                        .filter(s -> same(s.get("name").asString(), solution.get("supplierName").asString()))
                        .findFirst())
                .orElse(null);
        if (supplier != null) {
            facts.agreement = supplier.get("agreement").asString();
            facts.agreementValidUntil = date(supplier.path("agreementValidUntil"));
            facts.covered = list(supplier.path("coveredSystems")).stream().anyMatch(n -> same(n.asString(), name));
        }
        return facts;
    }

    /** Names compare after NFKC, trimming, collapsing inner white space, and ignoring case (POLICY.md). */
    static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    static String normal(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        list(array).forEach(n -> values.add(n.asString()));
        return values;
    }

    private static List<JsonNode> list(JsonNode array) {
        return array == null || array.isMissingNode() || array.isNull() ? List.of()
                : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String text(JsonNode node, String otherwise) {
        return node == null || node.isMissingNode() || node.isNull() ? otherwise : node.asString();
    }

    private static LocalDate date(JsonNode node) {
        String value = text(node, null);
        return value == null ? null : LocalDate.parse(value);
    }

    private static JsonNode read(String name) {
        try (InputStream in = ExamplePolicyTests.class.getResourceAsStream("/examples/" + name + ".json")) {
            return JSON.readTree(Objects.requireNonNull(in, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
