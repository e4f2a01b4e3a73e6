package dk.kk.itassessment.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetCompiler;
import dk.kk.itassessment.registry.Registry;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The golden scenarios of decision-tables/scenarios, run through the real registry look-up and the policy engine. */
@IntegrationTest
class ScenarioRunnerTests {

    private static final String SCENARIOS = RuleFiles.SCENARIOS;

    @Autowired
    ScenarioRunner runner;

    @Autowired
    PolicyEngine engine;

    @Autowired
    JsonMapper json;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    Registry liveRegistry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShippedScenariosAllPassAndReachEveryTableRow() {
        RuleFiles shipped = shipped();

        ScenarioReport report = runner.run(engine.ruleSet(), shipped);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(shipped.scenarios().size()).isGreaterThanOrEqualTo(70);
        assertThat(report.uncoveredRows()).isEmpty();
    }

    @Test
    void aWrongExpectationFailsNamingTheFileAndThePart() {
        ObjectNode scenario = scenario("risktier-row-20-personal-data-otherwise");
        ((ObjectNode) scenario.get("expected")).put("riskTier", "LOW");

        ScenarioReport report = runner.run(engine.ruleSet(), only(Map.of("wrong-tier.json", scenario)));

        assertThat(report.passed()).isZero();
        assertThat(report.failed()).isOne();
        ScenarioReport.Failure failure = report.failures().get(0);
        assertThat(failure.file()).isEqualTo(SCENARIOS + "wrong-tier.json");
        assertThat(failure.differences()).singleElement().satisfies(d -> {
            assertThat(d.part()).isEqualTo("riskTier");
            assertThat(d.expected().asString()).isEqualTo("LOW");
            assertThat(d.actual().asString()).isEqualTo("MEDIUM");
        });
    }

    @Test
    void aScenarioThatCannotBeRunIsAFailureNamingItsFields() {
        ObjectNode badRequest = scenario("routes-row-22-new-system-new-supplier");
        ((ObjectNode) badRequest.get("request").get("solution")).put("kind", "SPACESHIP");
        badRequest.remove("date");
        ((ObjectNode) badRequest.get("expected")).put("riskTeir", "LOW");
        ObjectNode badRegistry = scenario("routes-row-21-known-supplier-fast-track");
        ((ObjectNode) badRegistry.get("registry").get("suppliers").get(0)).put("cvr", "12345678");
        Map<String, byte[]> files = new HashMap<>(bytes(Map.of("bad-request.json", badRequest, "bad-registry.json", badRegistry)));
        files.put(SCENARIOS + "not-json.json", "{\"story\": ".getBytes(StandardCharsets.UTF_8));

        ScenarioReport report = runner.run(engine.ruleSet(), withShippedRules(files));

        assertThat(report.failed()).isEqualTo(3);
        assertThat(fieldsOf(report, "bad-request.json"))
                .containsExactlyInAnyOrder("request.solution.kind", "date", "expected.riskTeir");
        assertThat(fieldsOf(report, "bad-registry.json")).containsExactly("registry.suppliers[0].cvr");
        assertThat(fieldsOf(report, "not-json.json")).containsExactly("$");
    }

    @Test
    void aTableRowNoScenarioReachesIsListedAsUncovered() {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put("decision-tables/renewals.drl.csv", String.join("\n",
                "RuleSet,dk.kk.itassessment.tables.renewals",
                "Import,dk.kk.itassessment.policy.facts.*",
                "RULEFLOW-GROUP,warnings",
                "",
                "RuleTable Renewals",
                "CONDITION,ACTION,ACTION,ACTION",
                "Acquisition,,,",
                "\"purpose == \"\"$param\"\"\",\"Warning warning = new Warning(\"\"$param\"\", drools.getRule().getName()); insert(warning);\","
                        + "\"warning.setDa(\"\"$param\"\");\",\"warning.setEn(\"\"$param\"\");\"",
                "Purpose,Warning,Dansk,English",
                "RENEWAL,RENEWAL_NOTICE,Fornyelse kræver også godkendelse.,A renewal needs approval too.",
                "").getBytes(StandardCharsets.UTF_8));
        RuleFiles withRenewals = new RuleFiles(files);

        try (RuleSet ruleSet = new RuleSetCompiler().compile(withRenewals)) {
            ScenarioReport report = runner.run(ruleSet, withRenewals);

            assertThat(report.failures()).isEmpty();
            assertThat(report.uncoveredRows()).containsExactly("decision-tables/renewals.drl.csv, row 10");
        }
    }

    @Test
    void theLiveRegistryNeitherLeaksIntoAScenarioNorKeepsAnythingOfIt() {
        registry.clear();
        registry.load(json.readTree("""
                {"suppliers": [{"name": "Nordlys Software ApS", "agreement": "ACTIVE", "coveredSystems": ["Lektiehjælpen"]}],
                 "portfolio": [{"name": "Matematikfessor", "supplierName": "Alinea", "category": "TEACHING", "permission": "GRANTED"}]}
                """));
        RuleFiles scenarios = only(Map.of(
                "new-supplier.json", scenario("routes-row-22-new-system-new-supplier"),
                "known-supplier.json", scenario("routes-row-21-known-supplier-fast-track")));
        runner.run(engine.ruleSet(), scenarios); // the connection now has its temporary schema
        for (int i = 0; i < 10; i++) { // and the registry's statements prepared on the server, as on a busy connection
            assertThat(liveRegistry.lookup("Lektiehjælpen", "Nordlys Software ApS", null, "TEACHING", "Valby Skole",
                    LocalDate.of(2026, 3, 1)).supplier()).isNotNull();
        }
        Map<String, Long> before = counts();

        ScenarioReport report = runner.run(engine.ruleSet(), scenarios);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(2);
        assertThat(counts()).isEqualTo(before);
        assertThat(liveRegistry.lookup("Lektiehjælpen", "Nordlys Software ApS", null, "TEACHING", "Valby Skole",
                LocalDate.of(2026, 3, 1)).supplier().coversSolution()).isTrue();
        registry.clear();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("suppliers", "portfolio_entries", "portfolio_names", "assessments", "audit_entries")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static List<String> fieldsOf(ScenarioReport report, String file) {
        return report.failures().stream().filter(f -> f.file().equals(SCENARIOS + file))
                .flatMap(f -> f.errors().stream()).map(e -> e.field()).toList();
    }

    private ObjectNode scenario(String name) {
        return (ObjectNode) json.readTree(shipped().files().get(SCENARIOS + name + ".json"));
    }

    private RuleFiles only(Map<String, JsonNode> scenarios) {
        return withShippedRules(bytes(scenarios));
    }

    private Map<String, byte[]> bytes(Map<String, JsonNode> scenarios) {
        Map<String, byte[]> files = new HashMap<>();
        scenarios.forEach((name, scenario) -> files.put(SCENARIOS + name, json.writeValueAsBytes(scenario)));
        return files;
    }

    /** The shipped rules and tables with these scenarios instead of the shipped ones. */
    private static RuleFiles withShippedRules(Map<String, byte[]> scenarios) {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.keySet().removeIf(RuleFiles::isScenario);
        files.putAll(scenarios);
        return new RuleFiles(files);
    }

    private static RuleFiles shipped() {
        return RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));
    }
}
