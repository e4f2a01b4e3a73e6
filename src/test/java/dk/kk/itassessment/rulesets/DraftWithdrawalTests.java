package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A draft can be withdrawn (and then neither approved nor activated, and left out of the list); a draft that decides
 * exactly as its base gets the warning that nothing changed.
 */
@IntegrationTest
class DraftWithdrawalTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWithdrawnDraftLeavesTheListAndCanBeNeitherApprovedNorActivated() {
        Drafts drafts = new Drafts(api);
        String active = drafts.active().get("id").asString();
        byte[] checklist = Drafts.edit(drafts.table(active, "checklist"), Map.of("Checklist!P12", "Withdraw me"));
        Api.Response uploaded = drafts.uploadTable("checklist.drl.xlsx", checklist, "to be withdrawn");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        Api second = drafts.secondOfficer();
        assertThat(second.post("/api/v1/rulesets/" + id + "/approvals", "").status()).isEqualTo(200);
        long listed = drafts.officer().get("/api/v1/rulesets").json().get("total").asLong();

        Api.Response withdrawn = second.post("/api/v1/rulesets/" + id + "/withdraw", "");

        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode list = drafts.officer().get("/api/v1/rulesets?size=100").json();
        assertThat(ids(list)).doesNotContain(id);
        assertThat(list.get("total").asLong()).isEqualTo(listed - 1);
        JsonNode all = drafts.officer().get("/api/v1/rulesets?size=100&includeWithdrawn=true").json();
        assertThat(ids(all)).contains(id);
        assertThat(all.get("total").asLong()).isEqualTo(listed);
        assertThat(drafts.officer().get("/api/v1/rulesets?includeWithdrawn=yes").status()).isEqualTo(400);

        Api.Response activated = drafts.officer().post("/api/v1/rulesets/" + id + "/activate", "");
        assertThat(activated.status()).isEqualTo(409);
        assertThat(activated.json().get("detail").asString()).contains("withdrawn");
        assertThat(drafts.officer().post("/api/v1/rulesets/" + id + "/withdraw", "").status()).isEqualTo(409);
        assertThat(drafts.officer().post("/api/v1/rulesets/" + id + "/accepted-outcomes", "").status()).isEqualTo(409);
        assertThat(drafts.officer().post("/api/v1/rulesets/" + active + "/withdraw", "").status()).isEqualTo(409);
        assertThat(drafts.officer().post("/api/v1/rulesets/999999/withdraw", "").status()).isEqualTo(404);
        assertThat(drafts.active().get("id").asString()).isEqualTo(active);
        assertThat(jdbc.sql("select action from audit_entries where target = ? order by id").param("ruleset/" + id)
                .query(String.class).list()).containsExactly("ruleset.draft.created", "ruleset.approved", "ruleset.draft.withdrawn");

        // the database holds to it too: nothing leaves WITHDRAWN
        assertThatThrownBy(() -> jdbc.sql("update rule_set_versions set status = 'ACTIVE', activated_by = 'x', "
                + "activated_at = now() where id = ?").param(Long.parseLong(id)).update())
                .hasMessageContaining("DRAFT to ACTIVE or WITHDRAWN");
        assertThatThrownBy(() -> jdbc.sql("update rule_set_versions set status = 'DRAFT' where id = ?")
                .param(Long.parseLong(id)).update()).hasMessageContaining("DRAFT to ACTIVE or WITHDRAWN");
    }

    @Test
    void aDraftThatDecidesAsItsBaseIsToldNothingChanged() {
        Drafts drafts = new Drafts(api);
        String active = drafts.active().get("id").asString();
        byte[] routes = drafts.table(active, "routes");
        byte[] savedAgain = Drafts.edit(routes, Map.of()); // saved again by another program: other bytes, same cells
        assertThat(savedAgain).isNotEqualTo(routes);

        Api.Response same = drafts.uploadTable("routes.drl.xlsx", savedAgain, "saved again");

        assertThat(same.status()).as(same.text()).isEqualTo(201);
        assertThat(warnings(same.json())).anyMatch(w -> w.startsWith("Nothing changed: the tables read as those of version " + active));

        Api.Response changed = drafts.uploadTable("routes.drl.xlsx",
                Drafts.edit(routes, Map.of("Routes!K22", "A new solution: a full acquisition.")), "a reason reworded");
        assertThat(changed.status()).as(changed.text()).isEqualTo(201);
        assertThat(warnings(changed.json())).noneMatch(w -> w.startsWith("Nothing changed"));
    }

    private static List<String> warnings(JsonNode version) {
        List<String> warnings = new ArrayList<>();
        version.get("report").get("warnings").forEach(w -> warnings.add(w.get("message").get("en").asString()));
        return warnings;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(v -> ids.add(v.get("id").asString()));
        return ids;
    }
}
