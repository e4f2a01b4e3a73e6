package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.RegistryFixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A policy officer's whole loop: download a table, change one value, upload it as a draft, have a second officer
 * approve it, activate it while assessments are being made (none fails), see it decide the next assessment, replay,
 * roll back. Leaves the version it found active.
 */
@IntegrationTest
class RuleSetLifecycleTests {

    private static final String NEW_TITLE = "Contact the Digitalisation Office before anything else";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryFixtures registry;

    @Test
    void aChangedValueIsApprovedActivatedUnderLoadDecidesAndIsRolledBack() throws Exception {
        Drafts drafts = new Drafts(api);
        Api second = drafts.secondOfficer();
        String original = drafts.active().get("id").asString();
        String before = assess().get("id").asString();

        byte[] checklist = drafts.table(original, "checklist");
        assertThat(Drafts.text(checklist, "Checklist!J12")).isEqualTo("CONTACT_DIGITALISATION_OFFICE");
        Api.Response uploaded = drafts.uploadTable("checklist.drl.xlsx",
                Drafts.edit(checklist, Map.of("Checklist!P12", NEW_TITLE)), "A clearer first step");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode draft = uploaded.json();
        String id = draft.get("id").asString();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/rulesets/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("valid").asBoolean()).as(draft.get("report").toString()).isTrue();
        assertThat(draft.get("fingerprint").asString()).startsWith("sha256:").isNotEqualTo(drafts.active().get("fingerprint").asString());
        assertThat(draft.get("createdBy").asString()).isEqualTo("test-policy-officer");
        assertThat(draft.get("comment").asString()).isEqualTo("A clearer first step");
        assertThat(draft.get("report").get("errors")).isEmpty();
        assertThat(draft.get("report").get("impact").get("evaluated").asInt()).isPositive();
        // a title is no decision: the item whose title changed is in no difference (other differences can come from
        // assessments other tests stored under another version, e.g. CasePolicyChangeTests' reassessed cases)
        assertThat(draft.get("report").get("impact").get("checklist").toString()).doesNotContain("CONTACT_DIGITALISATION_OFFICE");
        assertThat(draft.get("report").get("impact").get("transitions").isEmpty()).isTrue();

        // four eyes: not the author, not before approval
        assertThat(drafts.officer().post("/api/v1/rulesets/" + id + "/approvals", "").status()).isEqualTo(409);
        Api.Response early = drafts.officer().post("/api/v1/rulesets/" + id + "/activate", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("approval");
        Api.Response approved = second.post("/api/v1/rulesets/" + id + "/approvals", "");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo(Drafts.SECOND_OFFICER);
        assertThat(second.post("/api/v1/rulesets/" + id + "/approvals", "").status()).isEqualTo(409);

        // activation while assessments are being made: none fails
        List<Integer> statuses = underLoad(() -> {
            Api.Response activated = drafts.officer().post("/api/v1/rulesets/" + id + "/activate", "");
            assertThat(activated.status()).as(activated.text()).isEqualTo(200);
            assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        });
        assertThat(statuses).hasSizeGreaterThan(10).allMatch(status -> status == 201);
        try {
            JsonNode next = assess();
            assertThat(next.get("ruleset").get("version").asString()).isEqualTo(id);
            assertThat(next.get("ruleset").get("fingerprint").asString()).isEqualTo(draft.get("fingerprint").asString());
            assertThat(title(next, "CONTACT_DIGITALISATION_OFFICE")).isEqualTo(NEW_TITLE);
            assertThat(drafts.active().get("id").asString()).isEqualTo(id);
            assertThat(drafts.officer().get("/api/v1/rulesets/" + original).json().get("status").asString()).isEqualTo("RETIRED");
            assertThat(api.get("/actuator/info").json().get("ruleset").get("version").asString()).isEqualTo(id);

            // replay: the earlier assessment with the version that decided it, and with the active one
            JsonNode recorded = api.as(Role.REVIEWER).post("/api/v1/assessments/" + before + "/replay?against=recorded", "").json();
            assertThat(recorded.get("identical").asBoolean()).as(recorded.toString()).isTrue();
            assertThat(recorded.get("replayed").get("version").asString()).isEqualTo(original);
            assertThat(recorded.get("differences")).isEmpty();
            JsonNode active = api.as(Role.REVIEWER).post("/api/v1/assessments/" + before + "/replay?against=active", "").json();
            assertThat(active.get("identical").asBoolean()).isTrue();
            assertThat(active.get("replayed").get("version").asString()).isEqualTo(id);
        } finally {
            Api.Response back = drafts.officer().post("/api/v1/rulesets/" + original + "/activate", "");
            assertThat(back.status()).as(back.text()).isEqualTo(200);
        }
        JsonNode after = assess();
        assertThat(after.get("ruleset").get("version").asString()).isEqualTo(original);
        assertThat(title(after, "CONTACT_DIGITALISATION_OFFICE")).isNotEqualTo(NEW_TITLE);
        assertThat(drafts.officer().get("/api/v1/rulesets/" + id).json().get("status").asString()).isEqualTo("RETIRED");

        List<String> actions = jdbc.sql("select action from audit_entries where target = ? order by id")
                .param("ruleset/" + id).query(String.class).list();
        assertThat(actions).containsExactly("ruleset.draft.created", "ruleset.approved", "ruleset.activated");
        assertThat(jdbc.sql("select details->>'rollback' from audit_entries where target = ? and action = 'ruleset.activated' "
                + "order by id desc limit 1").param("ruleset/" + original).query(String.class).single()).isEqualTo("true");
    }

    @Test
    void theImpactOfADraftCountsTheChangedDecisionsByTransition() {
        Drafts drafts = new Drafts(api);
        JsonNode example = Examples.load("03-known-supplier-new-system");
        registry.clear();
        registry.load(example.get("registry"));
        List<String> fastTrack = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response stored = api.as(Role.REQUESTER).post("/api/v1/assessments", example.get("request"));
            assertThat(stored.json().get("route").asString()).isEqualTo("FAST_TRACK_ACQUISITION");
            fastTrack.add(stored.json().get("id").asString());
        }
        String active = drafts.active().get("id").asString();
        byte[] routes = Drafts.edit(drafts.table(active, "routes"), Map.of("Routes!H21", "FULL_ACQUISITION", "Routes!I21", 60));

        Api.Response uploaded = drafts.uploadTable("routes.drl.xlsx", routes, "No fast track any more");

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode impact = uploaded.json().get("report").get("impact");
        assertThat(impact.get("transitions").get("FAST_TRACK_ACQUISITION->FULL_ACQUISITION").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(impact.get("changed").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(impact.get("examples").findValuesAsString("assessment")).containsAnyElementsOf(fastTrack);
        assertThat(impact.get("evaluated").asInt()).isGreaterThanOrEqualTo(impact.get("changed").asInt());
    }

    /** Runs {@code action} while four clients keep submitting assessments; the statuses they got. */
    private List<Integer> underLoad(Runnable action) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Api requester = api.as(Role.REQUESTER);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    statuses.add(requester.post("/api/v1/assessments", Examples.request()).status());
                }
            });
        }
        Thread.sleep(300);
        try {
            action.run();
            Thread.sleep(300);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        return List.copyOf(statuses);
    }

    private JsonNode assess() {
        Api.Response stored = api.as(Role.REQUESTER).post("/api/v1/assessments", Examples.request());
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        return stored.json();
    }

    private static String title(JsonNode assessment, String code) {
        for (JsonNode item : assessment.get("checklist")) {
            if (item.get("code").asString().equals(code)) {
                return item.get("title").get("en").asString();
            }
        }
        throw new AssertionError("no checklist item " + code);
    }
}
