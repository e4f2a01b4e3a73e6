package dk.kk.itassessment.registry;

import static dk.kk.itassessment.registry.SupplierApiTests.errors;
import static dk.kk.itassessment.registry.SupplierApiTests.newCvr;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SupplierImportTests {

    static final String HEADER = "name,cvr,agreement,agreementValidUntil,coveredSystems\r\n";

    @Autowired
    Api api;

    @Autowired
    Registry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    Api.Response importCsv(String csv) {
        return api.send("/api/v1/suppliers/import", "POST", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    JsonNode supplierByName(String name) {
        var match = registry.lookup("x", name, null, null, null, java.time.LocalDate.now()).supplier();
        return match == null ? null : api.get("/api/v1/suppliers/" + match.id()).json();
    }

    @Test
    void linesCreateNewSuppliersAndUpdateKnownOnesByCvrElseByName() {
        String cvr = newCvr();
        String otherCvr = newCvr();
        api.post("/api/v1/suppliers", Map.of("name", "Gammelt Navn " + suffix, "cvr", cvr, "agreement", "NONE"));
        api.post("/api/v1/suppliers", Map.of("name", "Uden CVR " + suffix, "agreement", "NONE"));

        Api.Response response = importCsv(HEADER
                + "Nyt Navn " + suffix + "," + cvr + ",ACTIVE,2027-12-31,\"Fravær|Lektier, plus\"\r\n"
                + "\"UDEN  cvr " + suffix + "\"," + otherCvr + ",EXPIRED,,\r\n"
                + "\"Ny \"\"Leverandør\"\" " + suffix + "\",,NONE,,\r\n");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Api.json().readTree("{\"created\":1,\"updated\":2}"));
        JsonNode renamed = supplierByName("Nyt Navn " + suffix);
        assertThat(renamed.get("cvr").asString()).isEqualTo(cvr);
        assertThat(renamed.get("agreement").asString()).isEqualTo("ACTIVE");
        assertThat(renamed.get("coveredSystems").values()).extracting(JsonNode::asString)
                .containsExactly("Fravær", "Lektier, plus");
        assertThat(supplierByName("Gammelt Navn " + suffix)).isNull();
        assertThat(supplierByName("uden cvr " + suffix).get("cvr").asString()).isEqualTo(otherCvr);
        assertThat(supplierByName("Ny \"Leverandør\" " + suffix)).isNotNull();

        Api.Response again = importCsv(HEADER + "Nyt Navn " + suffix + "," + cvr + ",ACTIVE,2027-12-31,Fravær\n");
        assertThat(again.json()).isEqualTo(Api.json().readTree("{\"created\":0,\"updated\":1}"));
    }

    @Test
    void oneBadLineAmongGoodOnesStoresNothingAndEveryBadLineIsNamed() {
        Api.Response response = importCsv(HEADER
                + "God " + suffix + ",,ACTIVE,,\n"
                + "Dårlig " + suffix + ",12345678,SIGNED,2027-13-01,\n"
                + "Kort " + suffix + ",,NONE\n"
                + "\"Citat " + suffix + "\"x,,NONE,,\n"
                + "God " + suffix.toUpperCase() + ",,NONE,,\n"
                + ",,NONE,,a||b\n");

        assertThat(errors(response)).containsOnlyKeys("line 3: cvr", "line 3: agreement",
                "line 3: agreementValidUntil", "line 4", "line 5", "line 6", "line 7: name", "line 7: coveredSystems[1]");
        assertThat(errors(response).get("line 6")).contains("line 2");
        assertThat(supplierByName("God " + suffix)).isNull();
    }

    @Test
    void aLineMayNotTakeTheNameOfAnotherSupplier() {
        String cvr = newCvr();
        api.post("/api/v1/suppliers", Map.of("name", "Optaget " + suffix, "agreement", "NONE"));
        api.post("/api/v1/suppliers", Map.of("name", "Har CVR " + suffix, "cvr", cvr, "agreement", "NONE"));

        assertThat(errors(importCsv(HEADER + "Optaget " + suffix + "," + cvr + ",ACTIVE,,\n")))
                .containsOnlyKeys("line 2: name");
        assertThat(errors(importCsv(HEADER + "Har CVR " + suffix + "," + newCvr() + ",ACTIVE,,\n")))
                .containsOnlyKeys("line 2: cvr");
    }

    @Test
    void theHeaderMustBeExactly() {
        assertThat(errors(importCsv("name,cvr,agreement,validUntil,coveredSystems\nA,,NONE,,\n")))
                .containsOnlyKeys("line 1");
        assertThat(errors(importCsv(""))).containsOnlyKeys("line 1");
        assertThat(importCsv(HEADER).json()).isEqualTo(Api.json().readTree("{\"created\":0,\"updated\":0}"));
    }

    @Test
    void onlyCsvIsImported() {
        Api.Response json = api.post("/api/v1/suppliers/import", Map.of("name", "JSON " + suffix));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
        Api.Response latin1 = api.send("/api/v1/suppliers/import", "POST", "text/csv",
                (HEADER + "Bøger " + suffix + ",,NONE,,\n").getBytes(StandardCharsets.ISO_8859_1), Map.of());
        assertThat(errors(latin1)).containsOnlyKeys("$");
    }
}
