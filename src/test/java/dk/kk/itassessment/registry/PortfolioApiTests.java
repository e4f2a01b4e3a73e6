package dk.kk.itassessment.registry;

import static dk.kk.itassessment.registry.SupplierApiTests.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PortfolioApiTests {

    @Autowired
    Api api;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    Map<String, Object> entry(String name, String... aliases) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("aliases", List.of(aliases));
        body.put("supplierName", "Alinea");
        body.put("supplierCvr", null);
        body.put("category", "TEACHING");
        body.put("permission", "GRANTED");
        body.put("permissionValidUntil", null);
        body.put("connectedInstitutions", List.of("Amager Fælled Skole"));
        return body;
    }

    @Test
    void anEntryIsCreatedReadReplacedAndDeleted() {
        Api.Response created = api.post("/api/v1/portfolio", entry("Matematikfessor " + suffix, "MatFessor " + suffix));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/portfolio/" + id);
        assertThat(body.propertyNames()).containsExactly("id", "name", "aliases", "supplierName", "supplierCvr",
                "category", "permission", "permissionValidUntil", "connectedInstitutions");
        assertThat(api.get("/api/v1/portfolio/" + id).json()).isEqualTo(body);

        Map<String, Object> changed = entry("Matematikfessor " + suffix, "Fessor " + suffix);
        changed.put("permission", "REVOKED");
        changed.put("permissionValidUntil", "2026-07-31");
        changed.put("supplierCvr", "13585628");
        Api.Response replaced = api.put("/api/v1/portfolio/" + id, changed);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().get("permissionValidUntil").asString()).isEqualTo("2026-07-31");
        assertThat(api.get("/api/v1/portfolio/" + id).json()).isEqualTo(replaced.json());

        // the alias it gave up is free again
        assertThat(api.post("/api/v1/portfolio", entry("MatFessor " + suffix)).status()).isEqualTo(201);

        assertThat(api.delete("/api/v1/portfolio/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/portfolio/" + id).status()).isEqualTo(404);
        // and its names are free once it is gone
        assertThat(api.post("/api/v1/portfolio", entry("Fessor " + suffix)).status()).isEqualTo(201);
    }

    @Test
    void anAliasEqualToTheNameOrAnotherAliasIsDropped() {
        Api.Response created = api.post("/api/v1/portfolio",
                entry("Kahoot! " + suffix, "kahoot!  " + suffix.toUpperCase(), "Kahoot " + suffix, "KAHOOT " + suffix));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("aliases").values()).extracting(JsonNode::asString)
                .containsExactly("Kahoot " + suffix);
    }

    @Test
    void aNameOrAliasUsedByAnotherEntryIsAConflictAndNothingIsStored() {
        assertThat(api.post("/api/v1/portfolio", entry("Aula " + suffix, "Aula Skole " + suffix)).status())
                .isEqualTo(201);

        Api.Response aliasClash = api.post("/api/v1/portfolio", entry("Skoleportalen " + suffix, "aula  SKOLE " + suffix));
        Api.Response nameClash = api.post("/api/v1/portfolio", entry("Aula Skole " + suffix));

        assertThat(aliasClash.status()).isEqualTo(409);
        assertThat(aliasClash.json().get("detail").asString()).contains("aula  SKOLE " + suffix);
        assertThat(nameClash.status()).isEqualTo(409);
        assertThat(search("q=" + suffix)).containsExactly("Aula " + suffix);
    }

    @Test
    void ofConcurrentRequestsForOneNameExactlyOneIsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "Samtidig " + i + " " + suffix;
                statuses.add(pool.submit(() -> api.post("/api/v1/portfolio", entry(name, "Fælles " + suffix)).status()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(search("q=fælles " + suffix)).hasSize(1);
    }

    @Test
    void replacingWithAnotherEntrysAliasIsAConflictAndChangesNothing() {
        api.post("/api/v1/portfolio", entry("Meebook " + suffix, "Mee " + suffix));
        Api.Response other = api.post("/api/v1/portfolio", entry("Bogværket " + suffix, "Bog " + suffix));
        String id = other.json().get("id").asString();

        Api.Response replaced = api.put("/api/v1/portfolio/" + id, entry("Bogværket " + suffix, "MEE " + suffix));

        assertThat(replaced.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/portfolio/" + id).json()).isEqualTo(other.json());
        assertThat(search("q=bog " + suffix)).containsExactly("Bogværket " + suffix); // its old alias is kept
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("aliases", List.of("", "ok"));
        bad.put("supplierName", "x".repeat(201));
        bad.put("supplierCvr", "0123456");
        bad.put("category", "GAMES");
        bad.put("permission", "granted");
        bad.put("permissionValidUntil", "31-12-2026");
        bad.put("connectedInstitutions", "Valby Skole");
        bad.put("extra", true);

        Map<String, String> errors = errors(api.post("/api/v1/portfolio", bad));

        assertThat(errors).containsOnlyKeys("name", "aliases[0]", "supplierName", "supplierCvr", "category",
                "permission", "permissionValidUntil", "connectedInstitutions", "extra");
        assertThat(errors.get("category")).contains("TEACHING, WELLBEING, ADMINISTRATIVE, LINE_OF_BUSINESS, "
                + "INFRASTRUCTURE, UTILITY");
        assertThat(errors.get("permission")).contains("GRANTED, PENDING, REFUSED, REVOKED, EXPIRED");
    }

    @Test
    void anEscapedNulCharacterIsAClientsMistake() {
        Map<String, String> errors = errors(api.post("/api/v1/portfolio",
                "{\"name\": \"Nul\\u0000 %s\", \"aliases\": [\"\\u0000\"], \"supplierName\": \"A\", "
                        .formatted(suffix) + "\"category\": \"TEACHING\", \"permission\": \"GRANTED\"}"));

        assertThat(errors).containsOnlyKeys("name", "aliases[0]");
        assertThat(errors(api.get("/api/v1/portfolio?q=a%00b"))).containsOnlyKeys("q");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/portfolio/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/portfolio/zzz").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/portfolio/" + unknown, entry("Ghost " + suffix)).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/portfolio/" + unknown).status()).isEqualTo(404);
    }

    @Test
    void theListFiltersByCategoryAndByPartOfANameOrAlias() {
        api.post("/api/v1/portfolio", entry("Læsekassen " + suffix, "Bogkassen " + suffix));
        Map<String, Object> wellbeing = entry("Trivselsradaren " + suffix);
        wellbeing.put("category", "WELLBEING");
        api.post("/api/v1/portfolio", wellbeing);

        assertThat(search("q=" + suffix)).containsExactly("Læsekassen " + suffix, "Trivselsradaren " + suffix);
        assertThat(search("q=BOGKASSEN%20%20" + suffix)).containsExactly("Læsekassen " + suffix);
        assertThat(search("category=WELLBEING&q=" + suffix)).containsExactly("Trivselsradaren " + suffix);
        assertThat(search("category=TEACHING&q=radaren " + suffix)).isEmpty();
        assertThat(errors(api.get("/api/v1/portfolio?category=GAMES&size=0"))).containsOnlyKeys("category", "size");
    }

    List<String> search(String query) {
        Api.Response response = api.get("/api/v1/portfolio?size=100&" + query.replace(" ", "%20"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").values().forEach(item -> names.add(item.get("name").asString()));
        assertThat(response.json().get("total").asLong()).isEqualTo(names.size());
        return names;
    }
}
