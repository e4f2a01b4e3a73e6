package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An officer's table saved back by LibreOffice or by openpyxl becomes a valid draft. */
@IntegrationTest
class SavedTablesApiTests {

    @Autowired
    Api api;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"routes-saved-by-libreoffice.drl.xlsx, routes.drl.xlsx",
            "data-protection-saved-by-libreoffice.drl.xlsx, data-protection.drl.xlsx",
            "routes-saved-by-openpyxl.drl.xlsx, routes.drl.xlsx"})
    void aTableSavedByAnotherProgramIsAValidDraft(String file, String uploadedAs) throws Exception {
        byte[] saved = Files.readAllBytes(Path.of("src/test/resources/tables", file));

        Api.Response uploaded = new Drafts(api).uploadTable(uploadedAs, saved, "saved by another program: " + file);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode draft = uploaded.json();
        assertThat(draft.get("valid").asBoolean()).as(uploaded.text()).isTrue();
        assertThat(draft.get("report").get("errors")).isEmpty();
        assertThat(draft.get("report").get("scenarios").get("failed").asInt()).isZero();
    }
}
