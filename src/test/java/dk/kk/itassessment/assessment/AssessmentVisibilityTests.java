package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who reads which assessments: reviewers, policy officers and admins all of them; requesters, administrative staff
 * and intake clients those they submitted or that name their account's e-mail address as the requester's.
 */
@IntegrationTest
class AssessmentVisibilityTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    /** A requester account of this test's own, so that the list holds only what this test stored. */
    Api newRequester(String username) {
        String password = "visibility-long-password";
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", password, "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        return api.as(username, password);
    }

    static ObjectNode request(String requesterEmail) {
        ObjectNode request = (ObjectNode) Examples.request().deepCopy();
        ((ObjectNode) request.get("requester")).put("email", requesterEmail);
        return request;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSubmitterIsStoredAndReadsTheirOwnButNotAnothers() {
        String alice = unique("alice");
        String bob = unique("bob");
        Api asAlice = newRequester(alice);
        Api asBob = newRequester(bob);

        Api.Response created = asAlice.post("/api/v1/assessments", request("someone.else@example.dk"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        assertThat(jdbc.sql("select submitted_by from assessments where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo(alice);
        assertThat(asAlice.get("/api/v1/assessments/" + id).status()).isEqualTo(200);
        Api.Response hidden = asBob.get("/api/v1/assessments/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).isEqualTo("No assessment with id " + id + ".");
        assertThat(asAlice.get("/api/v1/assessments").json().get("total").asLong()).isEqualTo(1);
        assertThat(asBob.get("/api/v1/assessments").json().get("total").asLong()).isZero();
    }

    @Test
    void aRequesterReadsWhatAnIntakeClientSubmittedInTheirName() {
        String carl = unique("carl");
        Api asCarl = newRequester(carl);

        Api.Response created = api.as(Role.INTAKE_CLIENT).post("/api/v1/assessments", request(carl.toUpperCase() + "@Example.dk"));
        String id = created.json().get("id").asString();

        assertThat(asCarl.get("/api/v1/assessments/" + id).status()).isEqualTo(200);
        assertThat(asCarl.get("/api/v1/assessments").json().get("items").values())
                .extracting(a -> a.get("id").asString()).containsExactly(id);
        assertThat(api.as(Role.INTAKE_CLIENT).get("/api/v1/assessments/" + id).status()).isEqualTo(200);
    }

    @Test
    void reviewersPolicyOfficersAndAdminsReadEveryAssessment() {
        Api asDora = newRequester(unique("dora"));
        String id = asDora.post("/api/v1/assessments", request("dora.elsewhere@example.dk")).json().get("id").asString();
        long total = jdbc.sql("select count(*) from assessments").query(Long.class).single();

        for (Role role : List.of(Role.REVIEWER, Role.POLICY_OFFICER, Role.ADMIN)) {
            assertThat(api.as(role).get("/api/v1/assessments/" + id).status()).as("%s", role).isEqualTo(200);
            assertThat(api.as(role).get("/api/v1/assessments?size=1").json().get("total").asLong()).as("%s", role)
                    .isGreaterThanOrEqualTo(total);
        }
        assertThat(api.as(Role.ADMINISTRATIVE_STAFF).get("/api/v1/assessments/" + id).status()).isEqualTo(404);
    }

    @Test
    void anotherCallersIdempotencyKeyIsTheirOwnAndShowsNothingOfTheirs() {
        Api asErik = newRequester(unique("erik"));
        Api asFrida = newRequester(unique("frida"));
        String key = "visibility-" + UUID.randomUUID();
        ObjectNode body = request("erik.elsewhere@example.dk");
        Api.Response eriks = asErik.post("/api/v1/assessments", body, Map.of("Idempotency-Key", key));
        assertThat(eriks.status()).isEqualTo(201);

        Api.Response fridas = asFrida.post("/api/v1/assessments", body, Map.of("Idempotency-Key", key));

        assertThat(fridas.status()).as("her own assessment").isEqualTo(201);
        assertThat(fridas.json().get("id")).isNotEqualTo(eriks.json().get("id"));
        Api.Response repeat = asErik.post("/api/v1/assessments", body, Map.of("Idempotency-Key", key));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id")).isEqualTo(eriks.json().get("id"));
        assertThat(asFrida.get("/api/v1/assessments/" + eriks.json().get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void theTestAccountsExist() {
        assertThat(jdbc.sql("select count(*) from accounts where username like 'test-%'").query(Long.class).single())
                .isEqualTo(Role.values().length);
        assertThat(TestAccounts.username(Role.ADMINISTRATIVE_STAFF)).isEqualTo("test-administrative-staff");
    }
}
