package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The queue's filter by responsible names the open cases waiting for it (an item of that responsible OPEN or
 * RETURNED), kept with the case as it changes (V32's {@code waiting_on}); an ended case waits for no one, whatever
 * its items were left at. A status names one half of the queue.
 */
@IntegrationTest
class CaseQueueTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theResponsibleFilterNamesTheOpenCasesWaitingForIt() {
        CaseApi cases = new CaseApi(api);
        String institution = CaseApi.unique("Venteskolen");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode request = CaseApi.request(CaseApi.unique("Waiting"));
            ((ObjectNode) request.get("requester")).put("institution", institution);
            numbers.add(cases.open(request));
        }
        String waiting = numbers.get(0);
        String served = numbers.get(1);
        String withdrawn = numbers.get(2);
        JsonNode c = cases.get(served);
        for (JsonNode item : c.get("items")) {
            if (item.get("responsible").asString().equals("GROUP_IT")) {
                cases.done(served, item.get("code").asString());
            }
        }
        assertThat(cases.requester().post("/api/v1/cases/" + withdrawn + "/withdraw", Map.of()).status()).isEqualTo(200);

        String queue = "/api/v1/cases?size=100&institution=" + URLEncoder.encode(institution, StandardCharsets.UTF_8);
        assertThat(numbers(cases.reviewer().get(queue + "&responsible=GROUP_IT"))).containsExactly(waiting);
        assertThat(numbers(cases.reviewer().get(queue + "&responsible=DIGITALISATION_OFFICE")))
                .containsExactly(waiting, served);
        assertThat(cases.reviewer().get(queue + "&responsible=DIGITALISATION_OFFICE").json().get("total").asLong())
                .isEqualTo(2);
        assertThat(numbers(cases.reviewer().get(queue + "&status=WITHDRAWN"))).containsExactly(withdrawn);
        assertThat(numbers(cases.reviewer().get(queue + "&status=OPEN"))).containsExactly(waiting, served);
        assertThat(numbers(cases.reviewer().get(queue))).containsExactly(waiting, served, withdrawn);
        assertThat(jdbc.sql("select array_to_string(waiting_on, ',') from cases where number = ?").param(withdrawn)
                .query(String.class).single()).as("an ended case waits for no one").isEmpty();
    }

    private static List<String> numbers(Api.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().get("items").valueStream().map(c -> c.get("number").asString()).toList();
    }
}
