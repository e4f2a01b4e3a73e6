package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HTTP Basic against the local accounts: one 401 answer for every failure, no session and no cookie. */
@IntegrationTest
class AuthenticationTests {

    private static final String PATH = "/api/v1/assessments";

    @Autowired
    Api api;

    @Test
    void missingWrongAndUnknownCredentialsGetTheSameProblem() {
        String reviewer = TestAccounts.username(Role.REVIEWER);
        List<Api.Response> answers = List.of(
                api.anonymous().get(PATH),
                api.as(reviewer, "not-the-password-of-the-reviewer").get(PATH),
                api.as("nobody-at-all", "not-the-password-of-anyone").get(PATH),
                api.anonymous().send(PATH, "GET", null, new byte[0], Map.of("Authorization", "Basic !!!")));

        for (Api.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=\"it-assessment\"");
            assertThat(answer.json().get("type").asString()).isEqualTo("https://it-assessment.kk.dk/problems/unauthenticated");
            assertThat(answer.json().get("status").asInt()).isEqualTo(401);
            assertThat(answer.text()).isEqualTo(answers.get(0).text());
        }
    }

    @Test
    void aRefusedBearerTokenGetsA401ThatSaysSoWithTheBearerChallenge() {
        tools.jackson.databind.JsonNode created = api.post("/api/v1/api-keys", Map.of("name", "Revoked form",
                "roles", List.of("INTAKE_CLIENT"))).json();
        String revoked = created.get("key").asString();
        assertThat(api.delete("/api/v1/api-keys/" + created.get("id").asString()).status()).isEqualTo(204);
        String expiredJwt = JwtTests.token(JwtTests.claims("someone", List.of("REVIEWER")),
                Instant.now().minusSeconds(3600), JwtTests.TEST_KEY);
        List<String> tokens = List.of("itak_" + "A".repeat(43), "itak_short", revoked, "not-a-jwt-at-all", expiredJwt);

        for (String token : tokens) {
            Api.Response answer = api.anonymous().send(PATH, "GET", null, new byte[0],
                    Map.of("Authorization", "Bearer " + token));
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).as(token)
                    .isEqualTo("Bearer realm=\"it-assessment\", error=\"invalid_token\", "
                            + "error_description=\"The bearer token is not valid\"");
            assertThat(answer.json().get("type").asString()).isEqualTo("https://it-assessment.kk.dk/problems/unauthenticated");
            assertThat(answer.json().get("detail").asString()).startsWith("The bearer token is not valid");
        }
        assertThat(api.anonymous().get(PATH).header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void theRightPasswordIsLetIn() {
        assertThat(api.as(Role.REVIEWER).get(PATH).status()).isEqualTo(200);
    }

    @Test
    void theBootstrapAdminIsCreatedFromTheConfiguredPassword() {
        Api admin = api.as(IntegrationTest.BOOTSTRAP_ADMIN, IntegrationTest.BOOTSTRAP_PASSWORD);
        Api.Response users = admin.get("/api/v1/users");

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().values()).anySatisfy(u -> {
            assertThat(u.get("username").asString()).isEqualTo(IntegrationTest.BOOTSTRAP_ADMIN);
            assertThat(u.get("roles").values()).extracting(r -> r.asString()).containsExactly("ADMIN");
        });
    }

    @Test
    void aKnownCallerWithoutTheRightGetsA403Problem() {
        Api.Response denied = api.as(Role.REQUESTER).get("/api/v1/users");

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.json().get("type").asString()).isEqualTo("https://it-assessment.kk.dk/problems/forbidden");
        assertThat(denied.json().get("title").asString()).isEqualTo("Not allowed");
        assertThat(denied.json().has("properties")).isFalse();
    }

    @Test
    void noAnswerSetsACookie() {
        List<Api.Response> answers = List.of(
                api.as(Role.REVIEWER).get(PATH),
                api.as(Role.REQUESTER).get("/api/v1/users"),
                api.anonymous().get(PATH),
                api.as(TestAccounts.username(Role.REVIEWER), "wrong").get(PATH),
                api.anonymous().get("/actuator/health"));

        assertThat(answers).allSatisfy(a -> assertThat(a.raw().headers().allValues("Set-Cookie")).isEmpty());
    }
}
