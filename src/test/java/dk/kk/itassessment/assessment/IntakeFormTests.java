package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.PageSession;
import dk.kk.itassessment.support.TestAccounts;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake form over plain HTTP, as a browser without JavaScript uses it: submitting stores the assessment as the
 * API does and leads to its case (one case for a form sent twice), the request's own errors come back beside their
 * fields and nothing is stored, the preview needs the CSRF token, query parameters fill the form in.
 */
@IntegrationTest
class IntakeFormTests {

    @Autowired
    Api api;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    PageSession requester() {
        PageSession session = new PageSession(api.port());
        String username = TestAccounts.username(Role.REQUESTER);
        session.signIn(username, TestAccounts.password(username));
        return session;
    }

    Map<String, String> complete(PageSession session) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", session.csrf("/intake"));
        form.put("solution.name", "Tegneappen " + suffix);
        form.put("solution.supplierName", "Tegnefirma " + suffix);
        form.put("solution.kind", "APP");
        form.put("solution.category", "TEACHING");
        form.put("purpose", "NEW_USE");
        form.put("cost.free", "true");
        form.put("cost.priceDkk", "250"); // a hidden question's answer: ignored, as the solution is free
        form.put("cost.purchaseChannel", "APP_STORE");
        form.put("personalData.processed", "false");
        form.put("personalData.subjects", "PUPILS"); // likewise
        form.put("requester.name", "Mette Hansen");
        form.put("requester.email", "mette." + suffix + "@example.dk");
        form.put("requester.role", "TEACHER");
        form.put("requester.institution", "Valby Skole");
        form.put("requester.institutionType", "SCHOOL");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }

    @Test
    void submittingOpensTheCaseAsTheApiDoesAndASecondSendingIsTheSameCase() {
        PageSession session = requester();
        Map<String, String> form = complete(session);
        HttpResponse<String> sent = session.post("/intake", form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/cases/BUF-\\d{4}-\\d{5}");
        String number = location.substring(location.lastIndexOf('/') + 1);

        Api.Response opened = api.get("/api/v1/cases/" + number);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("solution").path("name").asString()).isEqualTo("Tegneappen " + suffix);
        assertThat(opened.json().path("route").asString()).isEqualTo("FULL_ACQUISITION");
        Api.Response assessment = api.get("/api/v1/assessments/" + opened.json().path("assessmentId").asString());
        assertThat(assessment.json().path("request").path("cost").has("priceDkk")).isFalse();
        assertThat(assessment.json().path("request").path("personalData").has("subjects")).isFalse();

        HttpResponse<String> again = session.post("/intake", form);
        assertThat(again.headers().firstValue("Location")).as("a double click").hasValue(location);
    }

    @Test
    void theRequestsErrorsComeBackBesideTheirFieldsAndNothingIsStored() {
        PageSession session = requester();
        Map<String, String> form = complete(session);
        form.remove("solution.name");
        form.put("requester.email", "not-an-address");
        form.put("personalData.processed", "true");
        form.remove("personalData.subjects");
        long before = api.get("/api/v1/assessments?size=1").json().path("total").asLong();

        HttpResponse<String> refused = session.post("/intake", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"error-summary\"")
                .contains("href=\"#solution-name\"").contains("id=\"solution-name-error\"")
                .contains("aria-describedby=\"solution-name-hint solution-name-error\"")
                .contains("Løsningens navn: skal udfyldes.")
                .contains("Din e-mailadresse: skal være en gyldig e-mailadresse")
                .contains("id=\"personalData-subjects-error\"")
                .contains("value=\"Mette Hansen\"");
        assertThat(api.get("/api/v1/assessments?size=1").json().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void thePreviewIsTheApisPreviewAndNeedsTheToken() {
        PageSession session = requester();
        Map<String, String> form = complete(session);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> preview = session.send(HttpRequest.newBuilder(session.uri("/intake/preview"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).startsWith("<div").contains("data-route=\"FULL_ACQUISITION\"")
                .contains("Fuld it-anskaffelse").contains("60 dage").doesNotContain("<html");

        form.remove("_csrf");
        String withoutToken = body.replaceAll("_csrf=[^&]*&", "");
        HttpResponse<String> refused = session.send(HttpRequest.newBuilder(session.uri("/intake/preview"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(withoutToken)));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void queryParametersFillTheFormInAndWithoutJavaScriptTheButtonShowsThePreview() {
        PageSession session = requester();
        HttpResponse<String> filled = session.get("/intake?solution.name=Book%20Creator%20" + suffix
                + "&solution.kind=APP&personalData.subjects=PUPILS&unknown=x");
        assertThat(filled.statusCode()).isEqualTo(200);
        assertThat(filled.body()).contains("value=\"Book Creator " + suffix + "\"")
                .containsPattern("id=\"solution-kind-APP\"[^>]*checked")
                .containsPattern("id=\"personalData-subjects-PUPILS\"[^>]*checked")
                .contains("For at se vurderingen mangler vi");

        Map<String, String> form = complete(session);
        form.put("action", "preview");
        HttpResponse<String> shown = session.post("/intake", form);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("data-route=\"FULL_ACQUISITION\"").contains("<h1");
    }
}
