package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The case operations through the API, for the tests: requests of their own solution, ticks with the version. */
final class CaseApi {

    private final Api api;

    CaseApi(Api api) {
        this.api = api;
    }

    Api reviewer() {
        return api.as(Role.REVIEWER);
    }

    Api requester() {
        return api.as(Role.REQUESTER);
    }

    /** Example 01 (a free app, FULL_ACQUISITION) for a solution named after the test, unknown to the registry. */
    static ObjectNode request(String solution) {
        ObjectNode request = (ObjectNode) Examples.request().deepCopy();
        ((ObjectNode) request.get("solution")).put("name", solution);
        return request;
    }

    /** The same with personal data about pupils (adds the data items, DATA_PROCESSING_AGREEMENT among them). */
    static ObjectNode withPersonalData(ObjectNode request) {
        ObjectNode data = (ObjectNode) request.get("personalData");
        data.put("processed", true);
        data.set("subjects", Api.json().createArrayNode().add("PUPILS"));
        data.set("categories", Api.json().createArrayNode().add("CONTACT"));
        data.put("location", "EU_EEA");
        return request;
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Submits as {@code as}; the answer (201). */
    static JsonNode assess(Api as, JsonNode request) {
        Api.Response stored = as.post("/api/v1/assessments", request);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        return stored.json();
    }

    /** Submits as the test requester; the case number. */
    String open(JsonNode request) {
        return assess(requester(), request).get("caseNumber").asString();
    }

    JsonNode get(String number) {
        Api.Response response = reviewer().get("/api/v1/cases/" + number);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static String etag(JsonNode c) {
        return "\"" + c.get("version").asLong() + "\"";
    }

    /** Sets an item's state as {@code as}, with the case's current version. */
    Api.Response item(Api as, String number, String code, String state, String note) {
        return item(as, number, code, state, note, etag(get(number)));
    }

    static Api.Response item(Api as, String number, String code, String state, String note, String ifMatch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        if (note != null) {
            body.put("note", note);
        }
        Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
        return as.send("/api/v1/cases/" + number + "/items/" + code, "PUT", "application/json", Api.bytes(body), headers);
    }

    JsonNode done(String number, String code) {
        Api.Response done = item(reviewer(), number, code, "DONE", null);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        return done.json();
    }

    /** Every mandatory item DONE, by the reviewer. */
    JsonNode settleAll(String number) {
        JsonNode c = get(number);
        for (String code : codes(c, true)) {
            if (!state(c, code).equals("DONE")) {
                c = done(number, code);
            }
        }
        return c;
    }

    Api.Response decide(String number, String decision, String validUntil, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("permissionValidUntil", validUntil);
        body.put("note", note);
        return reviewer().post("/api/v1/cases/" + number + "/decision", body, Map.of("If-Match", etag(get(number))));
    }

    static List<String> codes(JsonNode c, boolean mandatoryOnly) {
        List<String> codes = new ArrayList<>();
        for (JsonNode item : c.get("items")) {
            if (!mandatoryOnly || item.get("mandatory").asBoolean()) {
                codes.add(item.get("code").asString());
            }
        }
        return codes;
    }

    static String state(JsonNode c, String code) {
        return item(c, code).get("state").asString();
    }

    static JsonNode item(JsonNode c, String code) {
        for (JsonNode item : c.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code + " in " + c);
    }

    static List<String> events(Api.Response history) {
        List<String> events = new ArrayList<>();
        ((ArrayNode) history.json()).forEach(e -> events.add(e.get("event").asString()));
        return events;
    }

    /** An account of the test's own (idempotent). */
    Api account(String username, String email, Role role) {
        String password = "test-only-password-of-" + username;
        Api.Response created = api.post("/api/v1/users", Map.of("username", username, "email", email,
                "password", password, "roles", List.of(role.name())));
        assertThat(created.status()).as(created.text()).isIn(201, 409);
        return api.as(username, password);
    }
}
