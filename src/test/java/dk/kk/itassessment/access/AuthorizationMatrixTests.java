package dk.kk.itassessment.access;

import static dk.kk.itassessment.access.Role.ADMIN;
import static dk.kk.itassessment.access.Role.ADMINISTRATIVE_STAFF;
import static dk.kk.itassessment.access.Role.INTAKE_CLIENT;
import static dk.kk.itassessment.access.Role.POLICY_OFFICER;
import static dk.kk.itassessment.access.Role.REQUESTER;
import static dk.kk.itassessment.access.Role.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of the OpenAPI description, called by every role and with no credentials: a role the table does
 * not name gets 403, a role it names gets anything but 401/403 (a 400 or 404 for the placeholder body or id means
 * "let in"), no credentials get 401. An operation missing from the table fails the test: a new endpoint without
 * a decision fails the build. The same table, for people, is docs/authorization.md.
 */
@IntegrationTest
class AuthorizationMatrixTests {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> SUBMITTERS = EnumSet.of(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, ADMIN);
    private static final Set<Role> REGISTRY_READERS = EnumSet.of(ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
    private static final Set<Role> POLICY_READERS = EnumSet.of(REVIEWER, POLICY_OFFICER, ADMIN);
    private static final Set<Role> POLICY_OFFICERS = EnumSet.of(POLICY_OFFICER);
    /** Who may act on a case's items or withdraw it, as a reviewer or as its requester (decided per case). */
    private static final Set<Role> CASE_ACTORS = EnumSet.of(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, ADMIN);
    private static final Set<Role> REVIEWERS = EnumSet.of(REVIEWER);

    /** Operation ({@code METHOD path} as in the OpenAPI description) → the roles let in. */
    static final Map<String, Set<Role>> TABLE = Map.ofEntries(
            Map.entry("POST /api/v1/assessments", SUBMITTERS),
            Map.entry("POST /api/v1/assessments/preview", SUBMITTERS),
            // everyone with a role reads assessments; who reads which is AssessmentVisibilityTests
            Map.entry("GET /api/v1/assessments", EVERYONE),
            Map.entry("GET /api/v1/assessments/{id}", EVERYONE),
            Map.entry("GET /api/v1/portfolio", REGISTRY_READERS),
            Map.entry("GET /api/v1/portfolio/{id}", REGISTRY_READERS),
            Map.entry("POST /api/v1/portfolio", ADMINS),
            Map.entry("PUT /api/v1/portfolio/{id}", ADMINS),
            Map.entry("DELETE /api/v1/portfolio/{id}", ADMINS),
            Map.entry("GET /api/v1/suppliers", REGISTRY_READERS),
            Map.entry("GET /api/v1/suppliers/{id}", REGISTRY_READERS),
            Map.entry("POST /api/v1/suppliers", ADMINS),
            Map.entry("PUT /api/v1/suppliers/{id}", ADMINS),
            Map.entry("DELETE /api/v1/suppliers/{id}", ADMINS),
            Map.entry("POST /api/v1/suppliers/import", ADMINS),
            Map.entry("GET /api/v1/users", ADMINS),
            Map.entry("POST /api/v1/users", ADMINS),
            Map.entry("PUT /api/v1/users/{username}/roles", ADMINS),
            Map.entry("DELETE /api/v1/users/{username}", ADMINS),
            Map.entry("POST /api/v1/users/{username}/unlock", ADMINS),
            Map.entry("GET /api/v1/api-keys", ADMINS),
            Map.entry("POST /api/v1/api-keys", ADMINS),
            Map.entry("DELETE /api/v1/api-keys/{id}", ADMINS),
            Map.entry("GET /api/v1/audit", ADMINS),
            Map.entry("GET /api/v1/audit/verify", ADMINS),
            Map.entry("GET /api/v1/rulesets", POLICY_READERS),
            Map.entry("GET /api/v1/rulesets/active", POLICY_READERS),
            Map.entry("GET /api/v1/rulesets/{id}", POLICY_READERS),
            Map.entry("GET /api/v1/rulesets/{id}/tables/{table}", POLICY_READERS),
            Map.entry("GET /api/v1/rulesets/{id}/bundle", POLICY_READERS),
            Map.entry("POST /api/v1/rulesets/drafts", POLICY_OFFICERS),
            Map.entry("POST /api/v1/rulesets/{id}/approvals", POLICY_OFFICERS),
            Map.entry("POST /api/v1/rulesets/{id}/activate", POLICY_OFFICERS),
            Map.entry("POST /api/v1/rulesets/{id}/accepted-outcomes", POLICY_OFFICERS),
            Map.entry("POST /api/v1/rulesets/{id}/withdraw", POLICY_OFFICERS),
            Map.entry("POST /api/v1/assessments/{id}/replay", POLICY_READERS),
            // everyone with a role reads cases; who reads which is CaseVisibilityTests
            Map.entry("GET /api/v1/cases", EVERYONE),
            Map.entry("GET /api/v1/cases/statistics", POLICY_READERS),
            Map.entry("GET /api/v1/cases/{number}", EVERYONE),
            Map.entry("GET /api/v1/cases/{number}/history", EVERYONE),
            Map.entry("GET /api/v1/cases/{number}/case-file.pdf", EVERYONE),
            Map.entry("PUT /api/v1/cases/{number}/items/{code}", CASE_ACTORS),
            Map.entry("POST /api/v1/cases/{number}/withdraw", CASE_ACTORS),
            Map.entry("POST /api/v1/cases/{number}/comments", REVIEWERS),
            Map.entry("PUT /api/v1/cases/{number}/assignee", REVIEWERS),
            Map.entry("POST /api/v1/cases/{number}/decision", REVIEWERS),
            Map.entry("POST /api/v1/cases/{number}/reassess", REVIEWERS),
            // notifications: whoever may read the case subscribes (404 else); the one-click link needs no login
            Map.entry("PUT /api/v1/cases/{number}/subscription", EVERYONE),
            Map.entry("DELETE /api/v1/cases/{number}/subscription", EVERYONE),
            Map.entry("GET /api/v1/cases/{number}/subscribers", REVIEWERS),
            Map.entry("GET /api/v1/mail/outbox", ADMINS),
            Map.entry("GET /mail/unsubscribe/{link}", EVERYONE),
            Map.entry("POST /mail/unsubscribe/{link}", EVERYONE),
            // not in the OpenAPI description, so named here: open, and the rest of actuator for ADMIN
            Map.entry("GET /actuator/health", EVERYONE),
            Map.entry("HEAD /actuator/health", EVERYONE),
            Map.entry("GET /actuator/health/liveness", EVERYONE),
            Map.entry("GET /actuator/health/readiness", EVERYONE),
            Map.entry("GET /actuator/info", ADMINS),
            Map.entry("GET /actuator/prometheus", ADMINS),
            Map.entry("GET /actuator", ADMINS));

    /** Open without credentials (the rest answers 401 to an anonymous caller). */
    static final Set<String> OPEN = Set.of("GET /actuator/health", "HEAD /actuator/health",
            "GET /actuator/health/liveness", "GET /actuator/health/readiness", "GET /mail/unsubscribe/{link}",
            "POST /mail/unsubscribe/{link}");

    @Autowired
    Api api;

    /** The six roles, and {@code null} for a caller with no credentials. */
    static Stream<Role> callers() {
        return Stream.concat(Stream.of(Role.values()), Stream.of((Role) null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void everyOperationAnswersAsTheTableSays(Role role) {
        List<String> operations = operations();
        Set<String> undecided = new TreeSet<>(operations);
        undecided.removeAll(TABLE.keySet());
        assertThat(undecided).as("operations without a decision in the table").isEmpty();
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(operations);
        assertThat(stale).as("table rows that no operation matches").isEmpty();

        Api caller = role == null ? api.anonymous() : api.as(role);
        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            int status = call(caller, operation);
            String expected;
            boolean right;
            if (role == null) {
                expected = OPEN.contains(operation) ? "not 401/403" : "401";
                right = OPEN.contains(operation) ? status != 401 && status != 403 : status == 401;
            } else if (TABLE.get(operation).contains(role)) {
                expected = "not 401/403";
                right = status != 401 && status != 403;
            } else {
                expected = "403";
                right = status == 403;
            }
            if (!right) {
                wrong.add(operation + ": " + status + ", expected " + expected);
            }
        }
        assertThat(wrong).as("answers to %s", role == null ? "no credentials" : role).isEmpty();
    }

    /** The operations of the OpenAPI description, and those outside it the table names. */
    private List<String> operations() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        docs.json().get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        operations.addAll(List.of("GET /actuator/health", "HEAD /actuator/health", "GET /actuator/health/liveness",
                "GET /actuator/health/readiness", "GET /actuator/info", "GET /actuator/prometheus", "GET /actuator",
                "GET /mail/unsubscribe/{link}", "POST /mail/unsubscribe/{link}"));
        return operations;
    }

    /** Calls an operation with placeholder ids and an empty JSON object where it takes a body. */
    private static int call(Api caller, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{id}", "00000000-0000-4000-8000-000000000000")
                .replace("{username}", "nobody-of-the-matrix")
                .replace("{table}", "routes")
                .replace("{number}", "BUF-2000-99999")
                .replace("{code}", "SUBMIT_ACQUISITION_FORM")
                .replace("{link}", "00000000-0000-4000-8000-000000000000.forged");
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return caller.send(path, method, body ? "application/json" : null,
                body ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0], Map.of()).status();
    }
}
