package dk.kk.itassessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each write to the registry leaves one entry, committed with the change; a refused change leaves none. */
@IntegrationTest
class RegistryAuditTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    List<AuditRows.Entry> entriesFor(String target) {
        return AuditRows.entriesFor(trail, jdbc, target);
    }

    long entries() {
        return AuditRows.count(trail, jdbc);
    }

    @Test
    void everySupplierWriteIsAudited() {
        Api.Response created = api.post("/api/v1/suppliers", Map.of("name", "Revideret " + suffix,
                "agreement", "NONE"));
        assertThat(created.status()).isEqualTo(201);
        String target = "supplier/" + created.json().get("id").asString();
        assertThat(api.put("/api/v1/suppliers/" + created.json().get("id").asString(), Map.of(
                "name", "Revideret " + suffix, "agreement", "ACTIVE")).status()).isEqualTo(200);
        long beforeRefused = entries();
        assertThat(api.post("/api/v1/suppliers", Map.of("name", "REVIDERET " + suffix, "agreement", "NONE"))
                .status()).isEqualTo(409);
        assertThat(entries()).as("a refused change leaves no entry").isEqualTo(beforeRefused);
        assertThat(api.delete("/api/v1/suppliers/" + created.json().get("id").asString()).status()).isEqualTo(204);

        List<AuditRows.Entry> entries = entriesFor(target);
        assertThat(entries).extracting(AuditRows.Entry::action)
                .containsExactly("supplier.created", "supplier.updated", "supplier.deleted");
        assertThat(entries.get(1).details()).isEqualTo(Api.json().readTree("{\"agreement\":\"ACTIVE\"}"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).as("the authenticated caller").isEqualTo("test-admin");
            assertThat(e.details().toString()).doesNotContain(suffix);
        });
    }

    @Test
    void aSupplierImportIsAuditedWithItsCounts() {
        long before = entries();
        Api.Response imported = api.send("/api/v1/suppliers/import", "POST", "text/csv",
                ("name,cvr,agreement,agreementValidUntil,coveredSystems\r\nImporteret " + suffix + ",,NONE,,\r\n")
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);

        assertThat(entries()).isEqualTo(before + 1);
        AuditRows.Entry entry = AuditRows.newest(trail, jdbc);
        assertThat(entry.action()).isEqualTo("suppliers.imported");
        assertThat(entry.target()).isEqualTo("suppliers");
        assertThat(entry.details()).isEqualTo(Api.json().readTree("{\"created\":1,\"updated\":0}"));

        Api.Response refused = api.send("/api/v1/suppliers/import", "POST", "text/csv",
                ("name,cvr,agreement,agreementValidUntil,coveredSystems\r\nAndet " + suffix + ",,MAYBE,,\r\n")
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(entries()).as("an import refused as a whole leaves no entry").isEqualTo(before + 1);
    }

    @Test
    void everyPortfolioWriteIsAudited() {
        Map<String, Object> entry = Map.of("name", "Revideret system " + suffix, "supplierName", "Leverandør",
                "category", "TEACHING", "permission", "PENDING");
        Api.Response created = api.post("/api/v1/portfolio", entry);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Map<String, Object> granted = new HashMap<>(entry);
        granted.put("permission", "GRANTED");
        assertThat(api.put("/api/v1/portfolio/" + id, granted).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/portfolio/" + UUID.randomUUID(), granted).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/portfolio/" + id).status()).isEqualTo(204);

        List<AuditRows.Entry> entries = entriesFor("portfolio/" + id);
        assertThat(entries).extracting(AuditRows.Entry::action)
                .containsExactly("portfolio.created", "portfolio.updated", "portfolio.deleted");
        assertThat(entries.get(1).details())
                .isEqualTo(Api.json().readTree("{\"category\":\"TEACHING\",\"permission\":\"GRANTED\"}"));
    }
}
