package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.ItAssessmentApplication;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A stored assessment is read back equal by a freshly started application context on the same database. */
@IntegrationTest
class PersistenceTests {

    @Autowired
    Api api;

    @Test
    void aStoredAssessmentIsReadBackEqualAfterTheContextRestarts() throws Exception {
        Api.Response created = api.post("/api/v1/assessments", Examples.load("06-wellbeing-survey-in-use-us-cloud").get("request"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ItAssessmentApplication.class)
                .run("--server.port=0", "--assessment.embedded-db.data-dir=target/test-postgres",
                        "--assessment.embedded-db.clean=false", "--assessment.demo-data=false")) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/assessments/" + id))
                            .header("Authorization", api.authorization()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(Api.json().readTree(read.body())).isEqualTo(created.json());
        }
    }
}
