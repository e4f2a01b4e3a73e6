package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case file read back (PDFBox text extraction): the case number, the route, every item with its state and note,
 * the decision's explanation, the history, and Danish letters in an embedded font. The last one rendered is kept in
 * {@code target/case-file-test.pdf} to look at ({@code pdftoppm -r 60 -png}).
 */
@IntegrationTest
class CaseFileTests {

    @Autowired
    Api api;

    @Test
    void theCaseFileNamesTheCaseTheRouteEveryItemAndTheHistoryInDanish() throws IOException {
        CaseApi cases = new CaseApi(api);
        ObjectNode request = CaseApi.withPersonalData(CaseApi.request(CaseApi.unique("Skærmtid for små børn")));
        ((ObjectNode) request.get("requester")).put("name", "Søren Ærø Ågård").put("institution", "Østerbro Skole");
        String number = cases.open(request);
        Api.Response ticked = cases.item(cases.reviewer(), number, "SUBMIT_ACQUISITION_FORM", "DONE",
                "Formularen er modtaget på kontoret");
        assertThat(ticked.status()).as(ticked.text()).isEqualTo(200);
        assertThat(cases.item(cases.reviewer(), number, "REGISTER_IN_FISKK", "NOT_APPLICABLE",
                "Allerede registreret af forvaltningen").status()).isEqualTo(200);
        JsonNode c = cases.get(number);

        Api.Response pdf = cases.reviewer().get("/api/v1/cases/" + number + "/case-file.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"" + number + ".pdf\"");
        Files.write(Path.of("target", "case-file-test.pdf"), pdf.raw().body());
        try (PDDocument document = Loader.loadPDF(pdf.raw().body())) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).as("A4").isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded, "embedded");
            String text = oneLine(new PDFTextStripper().getText(document));

            assertThat(text).contains("Sagsakt " + number, "Fuld anskaffelse", "FULL_ACQUISITION",
                    "Søren Ærø Ågård", "Østerbro Skole", "Skærmtid for små børn");
            for (JsonNode item : c.get("items")) {
                assertThat(text).as("item " + item.get("code").asString())
                        .contains(item.get("code").asString(), oneLine(item.get("title").get("da").asString()));
            }
            assertThat(text).contains("Udført", "Formularen er modtaget på kontoret", "Ikke relevant",
                    "Allerede registreret af forvaltningen", "test-reviewer");
            assertThat(text).contains("Sagen oprettet", "Punkt udført", "Punkt ikke relevant");
            JsonNode assessment = cases.reviewer().get("/api/v1/assessments/" + c.get("assessmentId").asString()).json();
            assertThat(text).as("every line of the explanation with its rule")
                    .contains(assessment.get("explanation").valueStream()
                            .map(line -> line.get("rule").asString()).distinct().toList());
        }
    }

    @Test
    void aCallerWhoMayNotReadTheCaseGetsNoCaseFile() {
        CaseApi cases = new CaseApi(api);
        String number = cases.open(CaseApi.request(CaseApi.unique("Case file of another")));
        Api stranger = cases.account("case-file-stranger", "case-file-stranger@example.dk", dk.kk.itassessment.access.Role.REQUESTER);
        Api.Response refused = stranger.get("/api/v1/cases/" + number + "/case-file.pdf");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(cases.requester().get("/api/v1/cases/" + number + "/case-file.pdf").status()).isEqualTo(200);
    }

    /** Text as extracted, its line breaks and runs of spaces as one space (a long title wraps in its cell). */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
