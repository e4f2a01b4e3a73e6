package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A deliberate change that golden scenarios pin: the fast track's days 30 → 35 (Routes row 21) breaks four scenarios,
 * three of them about other tables. Each is an error of the draft, in Danish and English, naming the file, what it
 * expects, what the rules decide now and the row that decides it.
 */
@IntegrationTest
class ScenarioFindingsTests {

    static final List<String> PINNING_FAST_TRACK_DAYS = List.of(
            "decision-tables/scenarios/03-known-supplier-new-system.json",
            "decision-tables/scenarios/reviewlevels-row-16-medium-risk-standard.json",
            "decision-tables/scenarios/reviewlevels-row-17-high-risk-extended.json",
            "decision-tables/scenarios/routes-row-21-known-supplier-fast-track.json");

    @Autowired
    Api api;

    private static final Pattern SAME_VERSION = Pattern.compile("exactly those of version (\\d+)");

    /**
     * A draft of the active version with the fast track's days set to 35: made now, or the one another test of the
     * shared context made already (the same files are refused as a second version, 409 naming the first).
     */
    static JsonNode fastTrackIn35Days(Drafts drafts, String comment) {
        String active = drafts.active().get("id").asString();
        byte[] routes = Drafts.edit(drafts.table(active, "routes"), Map.of("Routes!I21", 35));
        Api.Response uploaded = drafts.uploadTable("routes.drl.xlsx", routes, comment);
        if (uploaded.status() == 409) {
            Matcher same = SAME_VERSION.matcher(uploaded.text());
            assertThat(same.find()).as(uploaded.text()).isTrue();
            Api.Response earlier = drafts.officer().get("/api/v1/rulesets/" + same.group(1));
            assertThat(earlier.status()).as(earlier.text()).isEqualTo(200);
            return earlier.json();
        }
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json();
    }

    @Test
    void eachFailingScenarioIsAnErrorNamingTheFileThePartsAndTheRowThatDecides() {
        JsonNode draft = fastTrackIn35Days(new Drafts(api), "Fast track in 35 days");

        assertThat(draft.get("valid").asBoolean()).isFalse();
        JsonNode report = draft.get("report");
        assertThat(report.get("scenarios").get("failed").asInt()).isEqualTo(4);
        List<String> tables = new ArrayList<>();
        for (JsonNode error : report.get("errors")) {
            tables.add(error.get("table").asString());
            String en = error.get("message").get("en").asString();
            String da = error.get("message").get("da").asString();
            String file = error.get("table").asString().substring("decision-tables/scenarios/".length());
            assertThat(en).startsWith("The scenario " + file + " fails: ").contains("estimatedProcessingDays")
                    .contains("Routes row 21 in routes");
            assertThat(da).startsWith("Scenariet " + file + " består ikke: ").contains("estimatedProcessingDays")
                    .contains("Routes række 21 i routes").isNotEqualTo(en);
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(PINNING_FAST_TRACK_DAYS);

        JsonNode routes = error(report, "decision-tables/scenarios/routes-row-21-known-supplier-fast-track.json");
        assertThat(routes.get("message").get("en").asString()).endsWith(
                "it expects estimatedProcessingDays 30, the rules decide 35 (decided by Routes row 21 in routes, ReviewLevels row 15 "
                + "in data-protection)"); // the days are the route's plus the review's
        JsonNode extended = error(report, "decision-tables/scenarios/reviewlevels-row-17-high-risk-extended.json");
        assertThat(extended.get("message").get("en").asString()).endsWith("it expects estimatedProcessingDays 60, the "
                + "rules decide 65 (decided by Routes row 21 in routes, ReviewLevels row 17 in data-protection)");
        assertThat(extended.get("message").get("da").asString()).endsWith("det forventer estimatedProcessingDays 60, "
                + "reglerne afgør 65 (afgjort af Routes række 21 i routes, ReviewLevels række 17 i data-protection)");
    }

    @Test
    void acceptingTheChangeMakesAValidDraftThatListsEveryExpectationItRewrote() {
        Drafts drafts = new Drafts(api);
        JsonNode broken = fastTrackIn35Days(drafts, "Fast track in 35 days, on purpose");
        String id = broken.get("id").asString();

        Api.Response accepted = drafts.officer().post("/api/v1/rulesets/" + id + "/accepted-outcomes", "");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        JsonNode draft = accepted.json();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/rulesets/" + draft.get("id").asString());
        assertThat(draft.get("valid").asBoolean()).as(draft.get("report").toString()).isTrue();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("base").asString()).isEqualTo(broken.get("base").asString());
        assertThat(draft.get("report").get("errors")).isEmpty();
        assertThat(draft.get("report").get("scenarios").get("failed").asInt()).isZero();
        JsonNode rewritten = draft.get("report").get("accepted").get("rewritten");
        assertThat(draft.get("report").get("accepted").get("from").asString()).isEqualTo(id);
        assertThat(rewritten).hasSize(4);
        List<String> rewrites = new ArrayList<>();
        rewritten.forEach(r -> rewrites.add(r.get("file").asString() + " " + r.get("part").asString() + " "
                + r.get("was") + " -> " + r.get("now")));
        assertThat(rewrites).containsExactlyInAnyOrder(
                PINNING_FAST_TRACK_DAYS.get(0) + " estimatedProcessingDays 30 -> 35",
                PINNING_FAST_TRACK_DAYS.get(1) + " estimatedProcessingDays 30 -> 35",
                PINNING_FAST_TRACK_DAYS.get(2) + " estimatedProcessingDays 60 -> 65",
                PINNING_FAST_TRACK_DAYS.get(3) + " estimatedProcessingDays 30 -> 35");
        List<String> warned = new ArrayList<>();
        draft.get("report").get("warnings").forEach(w -> {
            if (w.get("message").get("en").asString().startsWith("The expectations of ")) {
                warned.add(w.get("table").asString());
                assertThat(w.get("message").get("da").asString()).startsWith("Forventningerne i ").contains(" → ");
            }
        });
        assertThat(warned).containsExactlyInAnyOrderElementsOf(PINNING_FAST_TRACK_DAYS);

        // the same tables as the draft accepted; only the four scenario files differ
        String next = draft.get("id").asString();
        assertThat(drafts.table(next, "routes")).isEqualTo(drafts.table(id, "routes"));
        assertThat(Drafts.text(drafts.table(next, "routes"), "Routes!I21")).isEqualTo("35.0");

        // approved knowingly by the second officer; a draft that fails nothing has no outcome to accept
        assertThat(drafts.secondOfficer().post("/api/v1/rulesets/" + next + "/approvals", "").status()).isEqualTo(200);
        Api.Response nothing = drafts.officer().post("/api/v1/rulesets/" + next + "/accepted-outcomes", "");
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("detail").asString()).contains("fails no golden scenario");
    }

    private static JsonNode error(JsonNode report, String table) {
        for (JsonNode error : report.get("errors")) {
            if (error.get("table").asString().equals(table)) {
                return error;
            }
        }
        throw new AssertionError("no error for " + table + " in " + report.get("errors"));
    }
}
