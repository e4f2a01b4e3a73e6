package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Single sign-on: bearer JWTs signed with the test-only key whose public half the shared context is configured with
 * ({@link IntegrationTest}). Roles from the {@code roles} claim, the username from {@code preferred_username}.
 */
@IntegrationTest
class JwtTests {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    static final PrivateKey TEST_KEY = privateKey();

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReviewerTokenReadsEveryAssessmentButMayNotSubmit() {
        String reviewer = token(claims(unique("sso-reviewer"), List.of("REVIEWER")));

        assertThat(get(reviewer, ASSESSMENTS).status()).isEqualTo(200);
        Api.Response denied = post(reviewer, ASSESSMENTS, request("someone@example.dk"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.json().get("type").asString()).isEqualTo("https://it-assessment.kk.dk/problems/forbidden");
    }

    @Test
    void aRequesterTokenSubmitsAsTheTokensUserAndReadsItsOwn() {
        String username = unique("sso-requester");
        String requester = token(claims(username, List.of("REQUESTER")));

        Api.Response created = post(requester, ASSESSMENTS, request("someone.else@example.dk"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(submitter(id)).isEqualTo(username);
        assertThat(get(requester, ASSESSMENTS + "/" + id).status()).isEqualTo(200);
        assertThat(get(token(claims(unique("sso-other"), List.of("REQUESTER"))), ASSESSMENTS + "/" + id).status())
                .isEqualTo(404);
        assertThat(created.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theEmailClaimReadsWhatAnIntakeClientSubmittedInTheCallersName() {
        String username = unique("sso-mail");
        Map<String, Object> claims = claims(username, List.of("REQUESTER"));
        claims.put("email", username + "@Example.dk");
        Api.Response created = api.as(Role.INTAKE_CLIENT).post(ASSESSMENTS, request(username + "@example.dk"));
        String id = created.json().get("id").asString();

        assertThat(get(token(claims), ASSESSMENTS + "/" + id).status()).isEqualTo(200);

        claims.put("email_verified", false);
        assertThat(get(token(claims), ASSESSMENTS + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void withoutAUsernameClaimTheSubjectIsTheUser() {
        String subject = unique("sso-subject");
        Map<String, Object> claims = claims(null, List.of("REQUESTER"));
        claims.put("sub", subject);

        Api.Response created = post(token(claims), ASSESSMENTS, request("someone@example.dk"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(submitter(created.json().get("id").asString())).isEqualTo(subject);
    }

    @Test
    void anExpiredTokenGetsTheSame401AsAWrongApiKey() {
        String expired = token(claims(unique("sso-late"), List.of("ADMIN")), Instant.now().minus(Duration.ofMinutes(10)),
                TEST_KEY);

        assertUnauthenticated(get(expired, ASSESSMENTS));
    }

    @Test
    void aTokenSignedWithAnotherKeyGets401() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(claims(unique("sso-forged"), List.of("ADMIN")), Instant.now().plusSeconds(300),
                generator.generateKeyPair().getPrivate());

        assertUnauthenticated(get(forged, ASSESSMENTS));
        assertUnauthenticated(get(forged, "/api/v1/users"));
    }

    @Test
    void garbageAndATokenThatNamesNoUserGet401() {
        Map<String, Object> nobody = claims(null, List.of("ADMIN"));

        assertUnauthenticated(get(token(nobody), ASSESSMENTS));
        assertUnauthenticated(get("not.a.jwt", ASSESSMENTS));
    }

    @Test
    void unknownRolesAreIgnored() {
        String token = token(claims(unique("sso-unknown"), List.of("SUPERUSER", "admin", "ROLE_ADMIN")));

        assertThat(get(token, ASSESSMENTS).status()).isEqualTo(403);
        assertThat(get(token, "/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void rolesMayBeOneStringSeparatedBySpacesOrCommas() {
        String spaces = token(claims(unique("sso-spaces"), "REVIEWER POLICY_OFFICER"));
        String commas = token(claims(unique("sso-commas"), "REVIEWER, ADMIN"));

        assertThat(get(spaces, "/api/v1/portfolio").status()).isEqualTo(200);
        assertThat(get(spaces, "/api/v1/users").status()).isEqualTo(403);
        assertThat(get(commas, "/api/v1/users").status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutRolesOpensOnlyTheOpenEndpoints() {
        String token = token(claims(unique("sso-none"), null));

        assertThat(get(token, ASSESSMENTS).status()).isEqualTo(403);
        assertThat(post(token, ASSESSMENTS, request("someone@example.dk")).status()).isEqualTo(403);
        assertThat(get(token, "/api/v1/portfolio").status()).isEqualTo(403);
        assertThat(get(token, "/api/v1/users").status()).isEqualTo(403);
        assertThat(get(token, "/api/v1/audit").status()).isEqualTo(403);
        assertThat(get(token, "/actuator/info").status()).isEqualTo(403);
        assertThat(get(token, "/actuator/health").status()).isEqualTo(200);
        assertThat(get(token, "/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void theProtectedResourceMetadataIsOpen() {
        Api.Response metadata = api.anonymous().get("/.well-known/oauth-protected-resource");

        assertThat(metadata.status()).as(metadata.text()).isEqualTo(200);
        assertThat(metadata.json().get("resource").asString()).isEqualTo(api.uri("").toString());
        assertThat(metadata.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    // --- tokens and requests

    private void assertUnauthenticated(Api.Response answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"it-assessment\", error=\"invalid_token\"");
        assertThat(answer.text()).as("the same answer as a wrong API key").isEqualTo(get("itak_" + "A".repeat(43),
                ASSESSMENTS).text());
        assertThat(answer.text()).doesNotContain("Exception", "Jwt", "signature");
    }

    private String submitter(String id) {
        return jdbc.sql("select submitted_by from assessments where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
    }

    private Api.Response get(String token, String path) {
        return api.anonymous().send(path, "GET", null, new byte[0], Map.of("Authorization", "Bearer " + token));
    }

    private Api.Response post(String token, String path, Object body) {
        return api.anonymous().send(path, "POST", "application/json", Api.bytes(body),
                Map.of("Authorization", "Bearer " + token));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code preferred_username} (unless null), {@code sub} and {@code roles} (unless null). */
    static Map<String, Object> claims(String username, Object roles) {
        Map<String, Object> claims = new HashMap<>();
        if (username != null) {
            claims.put("preferred_username", username);
            claims.put("sub", "subject-of-" + username);
        }
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    static String token(Map<String, Object> claims) {
        return token(claims, Instant.now().plusSeconds(300), TEST_KEY);
    }

    static String token(Map<String, Object> claims, Instant expires, PrivateKey key) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issueTime(Date.from(expires.minusSeconds(600)))
                .expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JsonNode request(String requesterEmail) {
        try (InputStream in = JwtTests.class.getResourceAsStream("/examples/01-free-app-no-personal-data.json")) {
            ObjectNode request = (ObjectNode) Api.json().readTree(in).get("request");
            ((ObjectNode) request.get("requester")).put("email", requesterEmail);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private half of src/test/resources/test-jwt-*.pem: a test-only key that signs nothing else. */
    private static PrivateKey privateKey() {
        try (InputStream in = JwtTests.class.getResourceAsStream("/test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
