package dk.kk.itassessment.registry;

import static dk.kk.itassessment.registry.SupplierApiTests.newCvr;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RegistryLookupTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Autowired
    Api api;

    @Autowired
    Registry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    UUID entry(String name, String category, String permission, String validUntil, String... aliases) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + suffix);
        body.put("aliases", List.of(aliases).stream().map(a -> a + " " + suffix).toList());
        body.put("supplierName", "Alinea");
        body.put("category", category);
        body.put("permission", permission);
        body.put("permissionValidUntil", validUntil);
        body.put("connectedInstitutions", List.of("Amager Fælled Skole", "Valby Skole"));
        Api.Response response = api.post("/api/v1/portfolio", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    UUID supplier(String name, String cvr, String... coveredSystems) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + suffix);
        body.put("cvr", cvr);
        body.put("agreement", "ACTIVE");
        body.put("agreementValidUntil", "2026-01-31");
        body.put("coveredSystems", List.of(coveredSystems).stream().map(s -> s + " " + suffix).toList());
        Api.Response response = api.post("/api/v1/suppliers", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    /**
     * The look-up in the database; the registry in memory, read now, must answer the same (every test here checks
     * both).
     */
    Matches lookup(String solution, String supplierName, String cvr, String category, String institution) {
        String solutionName = solution == null ? null : solution + " " + suffix;
        String supplier = supplierName == null ? null : supplierName + " " + suffix;
        Matches inTheDatabase = registry.lookup(solutionName, supplier, cvr, category, institution, TODAY);
        RegistrySnapshot inMemory = registry.newerThan(registry.snapshot().version());
        assertThat(inMemory.lookup(solutionName, supplier, cvr, category, institution, TODAY))
                .as("the registry in memory").isEqualTo(inTheDatabase);
        return inTheDatabase;
    }

    @Test
    void theEntryIsFoundByAnAliasWrittenWithOtherCaseAndSpacing() {
        UUID id = entry("Matematikfessor", "TEACHING", "GRANTED", null, "Mat Fessor");

        Matches lookup = lookup("ＭAT   fessor", null, null, null, "  amager  FÆLLED skole ");

        assertThat(lookup.portfolio()).isEqualTo(new Matches.PortfolioMatch(id, "Matematikfessor " + suffix,
                "GRANTED", null, true));
        assertThat(lookup("matematikfessor", null, null, null, "Ørestad Skole").portfolio().institutionConnected())
                .isFalse();
        assertThat(lookup("matematikfessor", null, null, null, null).portfolio().institutionConnected()).isFalse();
    }

    @Test
    void permissionsAreAnsweredAsStoredEvenWhenRunOut() {
        entry("Gammel Tilladelse", "TEACHING", "GRANTED", "2026-11-26");

        Matches.PortfolioMatch match = lookup("gammel tilladelse", null, null, null, null).portfolio();

        assertThat(match.permission()).isEqualTo("GRANTED");
        assertThat(match.permissionValidUntil()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void nothingMatchesAnUnknownSolutionOrSupplier() {
        Matches lookup = lookup("Ukendt", "Ukendt ApS", newCvr(), null, "Valby Skole");

        assertThat(lookup.portfolio()).isNull();
        assertThat(lookup.supplier()).isNull();
        assertThat(lookup.alternatives()).isEmpty();
        assertThat(registry.lookup(null, null, null, null, null, TODAY))
                .isEqualTo(new Matches(null, null, List.of()));
    }

    @Test
    void theSupplierIsFoundByCvrBeforeName() {
        String cvr = newCvr();
        UUID byCvr = supplier("Skolesoft", cvr);
        UUID byName = supplier("Skoleware", null);

        assertThat(lookup("x", "Skoleware", cvr, null, null).supplier().id()).isEqualTo(byCvr);
        assertThat(lookup("x", "SKOLEWARE ", newCvr(), null, null).supplier().id()).isEqualTo(byName);
        assertThat(lookup("x", "skoleware", null, null, null).supplier())
                .isEqualTo(new Matches.SupplierMatch(byName, "Skoleware " + suffix, "ACTIVE",
                        LocalDate.of(2026, 1, 31), false));
    }

    @Test
    void theSupplierCoversTheSolutionWhenItIsOneOfItsCoveredSystems() {
        String cvr = newCvr();
        supplier("Skolesoft", cvr, "Skolesoft Fravær", "Skolesoft Lektier");

        assertThat(lookup("skolesoft  FRAVÆR", "Skolesoft", cvr, null, null).supplier().coversSolution()).isTrue();
        assertThat(lookup("Skolesoft Karakterer", "Skolesoft", cvr, null, null).supplier().coversSolution())
                .isFalse();
    }

    @Test
    void alternativesAreOtherGrantedEntriesOfTheCategoryStillValidSortedByName() {
        entry("Meebook", "TEACHING", "GRANTED", null);
        entry("Bogværket", "TEACHING", "GRANTED", "2026-11-27"); // valid through today
        entry("Læsekassen", "TEACHING", "GRANTED", "2026-11-26"); // ran out yesterday
        entry("Skrivefessor", "TEACHING", "PENDING", null);
        entry("Gammel Quiz", "TEACHING", "EXPIRED", null);
        entry("Quizlet", "TEACHING", "REFUSED", null);
        entry("Trivselsradaren", "WELLBEING", "GRANTED", null);
        UUID matched = entry("Aula", "TEACHING", "GRANTED", null);

        List<Matches.Alternative> alternatives = ours(lookup("aula", null, null, "TEACHING", null).alternatives());

        assertThat(alternatives).extracting(Matches.Alternative::name)
                .containsExactly("Bogværket " + suffix, "Meebook " + suffix);
        assertThat(alternatives).allSatisfy(a -> assertThat(a.category()).isEqualTo("TEACHING"));
        assertThat(ours(lookup("Ny App", null, null, "TEACHING", null).alternatives()))
                .extracting(Matches.Alternative::id).contains(matched);
        assertThat(ours(lookup("Ny App", null, null, "WELLBEING", null).alternatives()))
                .extracting(Matches.Alternative::name).containsExactly("Trivselsradaren " + suffix);
    }

    List<Matches.Alternative> ours(List<Matches.Alternative> alternatives) {
        return alternatives.stream().filter(a -> a.name().endsWith(suffix)).toList();
    }
}
