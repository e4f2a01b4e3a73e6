package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SupplierApiTests {

    @Autowired
    Api api;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** A valid CVR no other test uses (random, modulus 11). */
    static String newCvr() {
        int[] weights = {2, 7, 6, 5, 4, 3, 2, 1};
        while (true) {
            String cvr = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (cvr.charAt(i) - '0') * weights[i];
            }
            if (sum % 11 == 0) {
                return cvr;
            }
        }
    }

    Map<String, Object> supplier(String name, String cvr) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("cvr", cvr);
        body.put("agreement", "ACTIVE");
        body.put("agreementValidUntil", "2027-06-30");
        body.put("coveredSystems", List.of("Fravær " + suffix, "Lektier " + suffix));
        return body;
    }

    @Test
    void aSupplierIsCreatedReadReplacedAndDeleted() {
        String cvr = newCvr();
        Api.Response created = api.post("/api/v1/suppliers", supplier("Skolesoft " + suffix, cvr));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/suppliers/" + id);
        assertThat(body.propertyNames()).containsExactly("id", "name", "cvr", "agreement", "agreementValidUntil",
                "coveredSystems");
        assertThat(body.get("cvr").asString()).isEqualTo(cvr);
        assertThat(body.get("agreementValidUntil").asString()).isEqualTo("2027-06-30");
        assertThat(body.get("coveredSystems")).hasSize(2);

        assertThat(api.get("/api/v1/suppliers/" + id).json()).isEqualTo(body);

        Map<String, Object> changed = supplier("Skolesoft Danmark " + suffix, null);
        changed.put("agreement", "EXPIRED");
        changed.put("agreementValidUntil", null);
        changed.put("coveredSystems", List.of());
        Api.Response replaced = api.put("/api/v1/suppliers/" + id, changed);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.json().get("cvr").isNull()).isTrue();
        assertThat(replaced.json().get("agreement").asString()).isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/suppliers/" + id).json()).isEqualTo(replaced.json());

        assertThat(api.delete("/api/v1/suppliers/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/suppliers/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/suppliers/" + id).status()).isEqualTo(404);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Api.Response created = api.post("/api/v1/suppliers", Map.of("name", "  Lille Leverandør " + suffix + " ",
                "agreement", "NONE"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("Lille Leverandør " + suffix);
        assertThat(created.json().get("cvr").isNull()).isTrue();
        assertThat(created.json().get("agreementValidUntil").isNull()).isTrue();
        assertThat(created.json().get("coveredSystems")).isEmpty();
    }

    @Test
    void aSecondSupplierWithTheSameCvrIsAConflictAndNotStored() {
        String cvr = newCvr();
        assertThat(api.post("/api/v1/suppliers", supplier("First " + suffix, cvr)).status()).isEqualTo(201);

        Api.Response second = api.post("/api/v1/suppliers", supplier("Second " + suffix, cvr));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asString()).contains(cvr);
        assertThat(names()).contains("First " + suffix).doesNotContain("Second " + suffix);
    }

    @Test
    void aSecondSupplierWithTheSameNameAsComparedIsAConflict() {
        assertThat(api.post("/api/v1/suppliers", supplier("Skolesoft  Fravær " + suffix, newCvr())).status())
                .isEqualTo(201);

        Api.Response second = api.post("/api/v1/suppliers", supplier("ＳKOLESOFT fravær " + suffix, newCvr()));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("ＳKOLESOFT fravær " + suffix);
    }

    @Test
    void replacingWithAnotherSuppliersCvrIsAConflictAndChangesNothing() {
        String cvr = newCvr();
        api.post("/api/v1/suppliers", supplier("Holder " + suffix, cvr));
        Api.Response other = api.post("/api/v1/suppliers", supplier("Other " + suffix, newCvr()));
        String id = other.json().get("id").asString();

        Api.Response replaced = api.put("/api/v1/suppliers/" + id, supplier("Other " + suffix, cvr));

        assertThat(replaced.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/suppliers/" + id).json()).isEqualTo(other.json());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", " ");
        bad.put("cvr", "13585627");
        bad.put("agreement", "SIGNED");
        bad.put("agreementValidUntil", "2027-02-30");
        bad.put("coveredSystems", List.of("ok", "", "x".repeat(201), 7));
        bad.put("agrement", "ACTIVE");

        Api.Response response = api.post("/api/v1/suppliers", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = errors(response);
        assertThat(errors).containsOnlyKeys("name", "cvr", "agreement", "agreementValidUntil", "coveredSystems[1]",
                "coveredSystems[2]", "coveredSystems[3]", "agrement");
        assertThat(errors.get("agreement")).contains("ACTIVE, EXPIRED, NONE");
    }

    @Test
    void namesAreOneLineWithoutInvisibleOrDirectionCharacters() {
        Map<String, Object> bad = supplier("Skole\u200bsoft " + suffix, newCvr());
        bad.put("coveredSystems", List.of("Fravær\n" + suffix, "Lektier \u202e" + suffix, "Aula " + suffix));

        Api.Response response = api.post("/api/v1/suppliers", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).containsOnly(
                Map.entry("name", "must not contain invisible characters (U+200B)"),
                Map.entry("coveredSystems[0]", "must be one line, without line breaks"),
                Map.entry("coveredSystems[1]", "must not contain characters that change the direction of text (U+202E)"));
    }

    @Test
    void requiredFieldsAndTypesAreNamed() {
        Api.Response response = api.post("/api/v1/suppliers", Map.of("cvr", 13585628, "coveredSystems", "Aula"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).containsOnlyKeys("name", "cvr", "agreement", "coveredSystems");
    }

    @Test
    void tooManyCoveredSystemsAreRefused() {
        List<String> systems = new ArrayList<>();
        for (int i = 0; i <= Fields.MAX_ITEMS; i++) {
            systems.add("S" + i);
        }
        Map<String, Object> body = supplier("Many " + suffix, null);
        body.put("coveredSystems", systems);

        assertThat(errors(api.post("/api/v1/suppliers", body))).containsOnlyKeys("coveredSystems");
    }

    @Test
    void malformedBodiesAndOtherContentTypesAreRefused() {
        assertThat(api.post("/api/v1/suppliers", "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/suppliers", "[]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/suppliers", "{\"name\":\"a\",\"name\":\"b\",\"agreement\":\"NONE\"}").status())
                .isEqualTo(400);
        assertThat(api.send("/api/v1/suppliers", "POST", "text/plain", Api.bytes("name"), Map.of()).status())
                .isEqualTo(415);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/suppliers/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/suppliers/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/suppliers/" + unknown, supplier("Ghost " + suffix, null)).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/suppliers/12345").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/suppliers/not-a-uuid").contentType()).startsWith("application/problem+json");
    }

    @Test
    void theListIsAPageSortedByName() {
        api.post("/api/v1/suppliers", supplier("zz Sidst " + suffix, null));
        api.post("/api/v1/suppliers", supplier("ZZ Midt " + suffix, null));

        Api.Response list = api.get("/api/v1/suppliers?size=100");

        assertThat(list.status()).isEqualTo(200);
        JsonNode page = list.json();
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(100);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        List<String> names = new ArrayList<>();
        page.get("items").values().forEach(item -> names.add(item.get("name").asString()));
        assertThat(names).isSortedAccordingTo((a, b) -> Names.normalise(a).compareTo(Names.normalise(b)));
        assertThat(errors(api.get("/api/v1/suppliers?page=-1&size=101"))).containsOnlyKeys("page", "size");
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/v1/suppliers?size=100&page=" + page).json();
            body.get("items").values().forEach(item -> names.add(item.get("name").asString()));
            if ((long) (page + 1) * 100 >= body.get("total").asLong()) {
                return names;
            }
        }
    }

    static Map<String, String> errors(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        Map<String, String> errors = new HashMap<>();
        response.json().get("errors").values()
                .forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        return errors;
    }
}
