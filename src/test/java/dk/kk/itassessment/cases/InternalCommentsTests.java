package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * An internal comment is seen only by reviewers, policy officers and admins (CONTRACT.md "Cases"): a requester never
 * reads it, nor that it was made, in any answer — the case, the answer of their own change, the list, the history,
 * the case file — and the event it publishes (which notifications may send on) says it is internal and carries no
 * text. Each answer once, with the reviewer's answer beside it to show the comment is there to be hidden.
 */
@IntegrationTest
class InternalCommentsTests {

    @Autowired
    Api api;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<CaseChanged> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
        if (event.getPayload() instanceof CaseChanged changed) {
            published.add(changed);
        }
    };

    private String secret;
    private String number;
    private String institution;
    private CaseApi cases;

    @BeforeEach
    void aCaseWithAnInternalAndAPublicComment() {
        context.addApplicationListener(listener);
        cases = new CaseApi(api);
        secret = "Intern vurdering " + UUID.randomUUID().toString().substring(0, 8) + " leverandøren er usikker";
        institution = CaseApi.unique("Intern skole");
        tools.jackson.databind.node.ObjectNode request = CaseApi.request(CaseApi.unique("Internal comments"));
        ((tools.jackson.databind.node.ObjectNode) request.get("requester")).put("institution", institution);
        number = cases.open(request);
        comment("Vi har modtaget jeres ansøgning", false);
        comment(secret, true);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @Test
    void theCase() {
        Api.Response requester = cases.requester().get("/api/v1/cases/" + number);
        assertThat(requester.status()).isEqualTo(200);
        assertThat(requester.text()).doesNotContain(secret).contains("Vi har modtaget jeres ansøgning");
        assertThat(requester.json().get("comments")).hasSize(1);
        assertThat(cases.reviewer().get("/api/v1/cases/" + number).text()).contains(secret);
    }

    @Test
    void theAnswerOfTheRequestersOwnChange() {
        Api.Response ticked = cases.item(cases.requester(), number, "SUBMIT_ACQUISITION_FORM", "DONE", null);
        assertThat(ticked.status()).isEqualTo(200);
        assertThat(ticked.text()).doesNotContain(secret);
        Api.Response withdrawn = cases.requester().post("/api/v1/cases/" + number + "/withdraw", Map.of("note", "Ikke nu"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text()).doesNotContain(secret);
    }

    @Test
    void theList() {
        Api.Response list = cases.requester().get("/api/v1/cases?institution="
                + java.net.URLEncoder.encode(institution, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.text()).contains(number).doesNotContain(secret);
        assertThat(cases.requester().get("/api/v1/cases?assessment=" + cases.get(number).get("assessmentId").asString())
                .text()).contains(number).doesNotContain(secret);
    }

    @Test
    void theHistory() {
        Api.Response history = cases.requester().get("/api/v1/cases/" + number + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).doesNotContain(secret);
        assertThat(CaseApi.events(history)).as("nor that it was made").containsExactly("OPENED", "COMMENTED");
        assertThat(history.json().get(1).get("details").get("internal").asBoolean()).isFalse();
        Api.Response reviewers = cases.reviewer().get("/api/v1/cases/" + number + "/history");
        assertThat(CaseApi.events(reviewers)).containsExactly("OPENED", "COMMENTED", "COMMENTED");
        assertThat(reviewers.text()).contains(secret);
    }

    @Test
    void theCaseFile() throws IOException {
        assertThat(pdfText(cases.requester())).doesNotContain(secret).doesNotContain("(intern)")
                .contains("Vi har modtaget jeres ansøgning");
        assertThat(pdfText(cases.reviewer())).contains(secret);
    }

    @Test
    void theEventSaysItIsInternalAndCarriesNoText() {
        List<CaseChanged> mine = published.stream().filter(e -> e.number().equals(number)).toList();
        assertThat(mine).as("the opening is a CasesOpened").extracting(CaseChanged::events)
                .containsExactly(List.of("COMMENTED"), List.of("COMMENTED"));
        assertThat(mine).extracting(CaseChanged::internal).containsExactly(false, true);
        assertThat(mine).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
        assertThat(List.of(CaseChanged.class.getRecordComponents()))
                .extracting(java.lang.reflect.RecordComponent::getName)
                .as("the event names what happened, never the text")
                .containsExactly("number", "version", "actor", "at", "events", "internal");
    }

    private void comment(String text, boolean internal) {
        Api.Response commented = cases.reviewer().post("/api/v1/cases/" + number + "/comments",
                Map.of("text", text, "internal", internal));
        assertThat(commented.status()).as(commented.text()).isEqualTo(201);
    }

    private String pdfText(Api as) throws IOException {
        Api.Response pdf = as.get("/api/v1/cases/" + number + "/case-file.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.raw().body())) {
            return CaseFileTests.oneLine(new PDFTextStripper().getText(document));
        }
    }
}
