package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** A table downloaded twice or renamed by hand is still the table it is, and is stored under its own name. */
@IntegrationTest
class UploadedTableNamesApiTests {

    @Autowired
    Api api;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"routes.drl (1).xlsx", "Routes.drl.xlsx"})
    void aSecondDownloadOrARenamedTableIsTheTable(String fileName) throws IOException {
        Drafts drafts = new Drafts(api);
        String active = drafts.active().get("id").asString();
        byte[] routes = Drafts.edit(drafts.table(active, "routes"),
                Map.of("Routes!K22", "A new solution: a full IT acquisition (" + fileName + ")."));

        Api.Response uploaded = drafts.uploadTable(fileName, routes, "uploaded as " + fileName);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.json().get("valid").asBoolean()).as(uploaded.text()).isTrue();
        String id = uploaded.json().get("id").asString();
        assertThat(tables(drafts.officer().get("/api/v1/rulesets/" + id + "/bundle").raw().body()))
                .containsExactly("decision-tables/checklist.drl.xlsx", "decision-tables/data-protection.drl.xlsx",
                        "decision-tables/routes.drl.xlsx", "decision-tables/warnings.drl.xlsx");
        assertThat(Drafts.text(drafts.table(id, "routes"), "Routes!K22")).contains(fileName);
    }

    private static List<String> tables(byte[] bundle) throws IOException {
        List<String> tables = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("decision-tables/") && entry.getName().contains(".drl.")) {
                    tables.add(entry.getName());
                }
            }
        }
        return tables;
    }
}
