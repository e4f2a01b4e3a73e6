package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/users}: creating, listing, re-roling and disabling local accounts (as ADMIN). */
@IntegrationTest
class UsersApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> user(String username, String password, String... roles) {
        return Map.of("username", username, "email", username + "@example.dk", "password", password,
                "roles", List.of(roles));
    }

    @Test
    void aCreatedAccountCanLogInAndNoAnswerShowsItsPassword() {
        String username = unique("mette");
        String password = "a-long-enough-password-" + UUID.randomUUID();

        Api.Response created = api.post("/api/v1/users", user(username, password, "REVIEWER"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + username);
        assertThat(created.json().get("username").asString()).isEqualTo(username);
        assertThat(created.json().get("email").asString()).isEqualTo(username + "@example.dk");
        assertThat(created.json().get("roles").values()).extracting(JsonNode::asString).containsExactly("REVIEWER");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        assertThat(created.json().propertyNames()).doesNotContain("password", "passwordHash");
        assertThat(created.text()).doesNotContain(password);

        Api.Response list = api.get("/api/v1/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().values()).anySatisfy(u -> assertThat(u.get("username").asString()).isEqualTo(username));
        assertThat(list.text()).doesNotContain(password).doesNotContain("{bcrypt}").doesNotContain("$2a$");

        String hash = jdbc.sql("select password_hash from accounts where username = :u").param("u", username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(api.as(username, password).get("/api/v1/assessments").status()).isEqualTo(200);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Api.Response answer = api.post("/api/v1/users", Map.of("username", "A!", "email", "not-an-address",
                "password", "short", "roles", List.of("REVIEWER", "KING"), "extra", 1));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("extra", "username", "email", "password", "roles[1]");
        assertThat(answer.text()).doesNotContain("\"short\"");
    }

    @Test
    void aPasswordIsAtMost72BytesInUtf8WhatBcryptReads() {
        String ascii72 = "p".repeat(72);
        String danish36 = "æ".repeat(36); // 72 bytes
        for (String password : List.of(ascii72, danish36)) {
            String username = unique("long");
            assertThat(api.post("/api/v1/users", user(username, password, "REVIEWER")).status()).isEqualTo(201);
            assertThat(api.as(username, password).get("/api/v1/assessments").status()).isEqualTo(200);
            assertThat(api.as(username, password.substring(1) + "q").get("/api/v1/assessments").status())
                    .isEqualTo(401);
        }

        for (String password : List.of("p".repeat(73), "æ".repeat(37), "p".repeat(129), "p".repeat(4000))) {
            Api.Response refused = api.post("/api/v1/users", user(unique("long"), password, "REVIEWER"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors")).singleElement().satisfies(e -> {
                assertThat(e.get("field").asString()).isEqualTo("password");
                assertThat(e.get("message").asString()).startsWith("must be at most 72 bytes in UTF-8 (it has ");
            });
            assertThat(refused.text()).doesNotContain(password);
        }
        assertThat(api.post("/api/v1/users", user(unique("short"), "ææææææææææ1", "REVIEWER")).json()
                .get("errors").get(0).get("message").asString()).isEqualTo("must be at least 12 characters");
    }

    @Test
    void missingFieldsAndEmptyRolesAreRefused() {
        Api.Response missing = api.post("/api/v1/users", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("username", "email", "password", "roles");

        Api.Response noRoles = api.post("/api/v1/users", Map.of("username", unique("x"), "email", "x@example.dk",
                "password", "long-enough-password", "roles", List.of()));
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String username = unique("dup");
        assertThat(api.post("/api/v1/users", user(username, "first-long-password", "REQUESTER")).status()).isEqualTo(201);

        Api.Response again = api.post("/api/v1/users", user(username, "second-long-password", "ADMIN"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void replacedRolesChangeWhatTheAccountMayDo() {
        String username = unique("roles");
        String password = "roles-long-password";
        api.post("/api/v1/users", user(username, password, "REQUESTER"));
        Api me = api.as(username, password);
        assertThat(me.get("/api/v1/portfolio").status()).isEqualTo(403);

        Api.Response replaced = api.put("/api/v1/users/" + username + "/roles", List.of("REVIEWER", "POLICY_OFFICER"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("roles").values()).extracting(JsonNode::asString)
                .containsExactly("REVIEWER", "POLICY_OFFICER");
        assertThat(me.get("/api/v1/portfolio").status()).isEqualTo(200);
    }

    @Test
    void rolesMustBeANonEmptyListOfKnownRoles() {
        String username = unique("badroles");
        api.post("/api/v1/users", user(username, "badroles-long-password", "REQUESTER"));

        assertThat(api.put("/api/v1/users/" + username + "/roles", List.of()).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/users/" + username + "/roles", List.of("ROOT")).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("$[0]");
        assertThat(api.put("/api/v1/users/" + username + "/roles", Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/users/nobody-here/roles", List.of("ADMIN")).status()).isEqualTo(404);
    }

    @Test
    void aDisabledAccountCanNoLongerLogInAndIsStillListed() {
        String username = unique("gone");
        String password = "gone-long-password";
        api.post("/api/v1/users", user(username, password, "REVIEWER"));
        Api.Response before = api.as(username, password).get("/api/v1/assessments");
        assertThat(before.status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/users/" + username).status()).isEqualTo(204);

        Api.Response after = api.as(username, password).get("/api/v1/assessments");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.text()).isEqualTo(api.anonymous().get("/api/v1/assessments").text());
        assertThat(api.get("/api/v1/users").json().values()).anySatisfy(u -> {
            assertThat(u.get("username").asString()).isEqualTo(username);
            assertThat(u.get("enabled").asBoolean()).isFalse();
        });
        assertThat(api.delete("/api/v1/users/nobody-here").status()).isEqualTo(404);
    }
}
