package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the service logs about logins, accounts and tokens names the account, never a password or a token. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsAreNotLoggedTests {

    @Autowired
    Api api;

    @Test
    void passwordsAndTokensAreInNoLogLine(CapturedOutput output) {
        String username = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "the-password-" + UUID.randomUUID();
        String wrong = "a-wrong-password-" + UUID.randomUUID();
        String token = JwtTests.token(JwtTests.claims("sso-" + username, List.of("REVIEWER")));
        String apiKey = "itak_" + UUID.randomUUID().toString().replace("-", "");

        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", password, "roles", List.of("REVIEWER"))).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(username, wrong).get("/api/v1/assessments").status()).isEqualTo(401);
        }
        assertThat(bearer(token).status()).isEqualTo(200);
        assertThat(bearer(token.substring(0, token.length() - 4) + "AAAA").status()).isEqualTo(401);
        assertThat(bearer(apiKey).status()).isEqualTo(401);
        String liveKey = api.post("/api/v1/api-keys", Map.of("name", "Logged " + username,
                "roles", List.of("INTAKE_CLIENT"))).json().get("key").asString();
        assertThat(api.as(liveKey, "").get("/api/v1/assessments").status()).isEqualTo(401);
        String typedAsUsername = "the-password-as-username-" + UUID.randomUUID();
        assertThat(api.as(typedAsUsername, "").get("/api/v1/assessments").status()).isEqualTo(401);

        // the lockout's WARN line shows that the log is captured
        assertThat(output.getAll()).contains("The account '" + username + "' is locked");
        assertThat(output.getAll()).doesNotContain(password, wrong, token, apiKey, liveKey, typedAsUsername,
                Api.basic(username, wrong).substring("Basic ".length()));
    }

    private Api.Response bearer(String token) {
        return api.anonymous().send("/api/v1/assessments", "GET", null, new byte[0],
                Map.of("Authorization", "Bearer " + token));
    }
}
