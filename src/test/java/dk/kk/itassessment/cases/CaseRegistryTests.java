package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a case does to the registry, each effect seen the way it matters: through the next assessment of the same
 * solution, whose route changes as POLICY.md says.
 */
@IntegrationTest
class CaseRegistryTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    CaseApi cases() {
        return new CaseApi(api);
    }

    private JsonNode portfolioEntry(String name) {
        JsonNode page = api.get("/api/v1/portfolio?q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(page.get("total").asLong()).as("entries named %s", name).isEqualTo(1);
        return page.get("items").get(0);
    }

    private long audited(String action, String number) {
        api.get("/api/v1/audit/verify"); // seals what is pending
        return jdbc.sql("select count(*) from audit_entries where action = ? and details->>'reason' = ?")
                .param(action).param("case/" + number).query(Long.class).single();
    }

    @Test
    void registeredInFiskkTheNextRequestWaitsForThePendingAcquisition() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Fiskk");
        String number = cases.open(CaseApi.request(solution));
        assertThat(cases.done(number, "REGISTER_IN_FISKK").get("status").asString()).isEqualTo("OPEN");

        JsonNode entry = portfolioEntry(solution);
        assertThat(entry.get("permission").asString()).isEqualTo("PENDING");
        assertThat(entry.get("category").asString()).isEqualTo("TEACHING");
        assertThat(audited("portfolio.created", number)).isEqualTo(1);
        assertThat(CaseApi.events(api.as(Role.REVIEWER).get("/api/v1/cases/" + number + "/history")))
                .containsExactly("OPENED", "ITEM_DONE", "REGISTRY_UPDATED");

        ObjectNode second = CaseApi.request(solution.toUpperCase(java.util.Locale.ROOT));
        ((ObjectNode) second.get("requester")).put("institution", "Sundby Skole");
        JsonNode next = CaseApi.assess(api.as(Role.REQUESTER), second);
        assertThat(next.get("route").asString()).isEqualTo("AWAIT_PENDING_ACQUISITION");
        assertThat(next.get("lookups").get("portfolio").asString()).isEqualTo("PENDING");

        // ticked again: the entry is there, none is added
        assertThat(cases.item(cases.reviewer(), number, "REGISTER_IN_FISKK", "OPEN", null).status()).isEqualTo(200);
        cases.done(number, "REGISTER_IN_FISKK");
        assertThat(audited("portfolio.created", number)).isEqualTo(1);
    }

    @Test
    void grantedTheNextRequestUsesTheExistingPermissionAndTheSupplierCoversTheSystem() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Granted");
        ObjectNode request = CaseApi.withPersonalData(CaseApi.request(solution));
        String supplier = CaseApi.unique("Supplier of granted");
        ((ObjectNode) request.get("solution")).put("supplierName", supplier);
        String number = cases.open(request);
        assertThat(CaseApi.codes(cases.get(number), true)).contains(RegistryEffects.DATA_PROCESSING_AGREEMENT);
        cases.settleAll(number);
        Api.Response granted = cases.decide(number, "GRANTED", "2029-12-31", "Godkendt");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);

        JsonNode entry = portfolioEntry(solution);
        assertThat(entry.get("permission").asString()).isEqualTo("GRANTED");
        assertThat(entry.get("permissionValidUntil").asString()).isEqualTo("2029-12-31");
        assertThat(entry.get("connectedInstitutions").valueStream().map(JsonNode::asString)).containsExactly("Valby Skole");
        JsonNode suppliers = api.get("/api/v1/suppliers?size=100").json();
        JsonNode covering = suppliers.get("items").valueStream()
                .filter(s -> s.get("name").asString().equals(supplier)).findFirst().orElseThrow();
        assertThat(covering.get("agreement").asString()).isEqualTo("ACTIVE");
        assertThat(covering.get("coveredSystems").valueStream().map(JsonNode::asString)).containsExactly(solution);
        assertThat(audited("portfolio.created", number)).as("REGISTER_IN_FISKK made it PENDING").isEqualTo(1);
        assertThat(audited("portfolio.updated", number)).as("the grant").isEqualTo(1);
        assertThat(audited("supplier.created", number)).isEqualTo(1);

        JsonNode next = CaseApi.assess(api.as(Role.REQUESTER), CaseApi.withPersonalData(CaseApi.request(solution)));
        assertThat(next.get("route").asString()).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(next.get("lookups").get("institutionConnected").asBoolean()).isTrue();
        assertThat(next.get("checklist").valueStream().map(i -> i.get("code").asString()))
                .doesNotContain("REQUEST_DATA_AGREEMENT_APPROVAL");
    }

    @Test
    void grantedWithoutADataProcessingAgreementLeavesTheSuppliersAlone() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("No DPA");
        String supplier = CaseApi.unique("Supplier without DPA");
        ObjectNode request = CaseApi.request(solution);
        ((ObjectNode) request.get("solution")).put("supplierName", supplier);
        String number = cases.open(request);
        cases.settleAll(number);
        assertThat(cases.decide(number, "GRANTED", null, null).status()).isEqualTo(200);
        assertThat(portfolioEntry(solution).get("permissionValidUntil").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from suppliers where name = ?").param(supplier).query(Long.class).single()).isZero();
    }

    @Test
    void refusedTheNextRequestIsNotPermitted() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Refused");
        String number = cases.open(CaseApi.request(solution));
        assertThat(cases.decide(number, "REFUSED", null, "Sælger data til tredjepart").status()).isEqualTo(200);

        assertThat(portfolioEntry(solution).get("permission").asString()).isEqualTo("REFUSED");
        assertThat(audited("portfolio.created", number)).isEqualTo(1);
        JsonNode next = CaseApi.assess(api.as(Role.REQUESTER), CaseApi.request(solution));
        assertThat(next.get("route").asString()).isEqualTo("NOT_PERMITTED");
    }

    @Test
    void withdrawnThePendingEntryItMadeGoesAndTheNextRequestStartsAgain() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Withdrawn pending");
        String number = cases.open(CaseApi.request(solution));
        cases.done(number, "REGISTER_IN_FISKK");
        assertThat(CaseApi.assess(api.as(Role.REQUESTER), CaseApi.request(solution)).get("route").asString())
                .isEqualTo("AWAIT_PENDING_ACQUISITION");

        assertThat(cases.reviewer().post("/api/v1/cases/" + number + "/withdraw", Map.of("note", "Dropped")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/portfolio?q=" + java.net.URLEncoder.encode(solution,
                java.nio.charset.StandardCharsets.UTF_8)).json().get("total").asLong()).isZero();
        assertThat(audited("portfolio.deleted", number)).isEqualTo(1);
        assertThat(CaseApi.assess(api.as(Role.REQUESTER), CaseApi.request(solution)).get("route").asString())
                .isEqualTo("FULL_ACQUISITION");
    }

    @Test
    void grantedOnADataAgreementRequestConnectsTheInstitution() {
        CaseApi cases = cases();
        String solution = CaseApi.unique("Covered");
        String supplier = CaseApi.unique("Approved supplier");
        assertThat(api.post("/api/v1/suppliers", Map.of("name", supplier, "agreement", "ACTIVE",
                "coveredSystems", java.util.List.of(solution))).status()).isEqualTo(201);
        ObjectNode request = CaseApi.withPersonalData(CaseApi.request(solution));
        ((ObjectNode) request.get("solution")).put("supplierName", supplier);
        JsonNode assessment = CaseApi.assess(api.as(Role.REQUESTER), request);
        assertThat(assessment.get("route").asString()).isEqualTo("DATA_AGREEMENT_REQUEST");
        String number = assessment.get("caseNumber").asString();
        cases.settleAll(number);
        assertThat(cases.decide(number, "GRANTED", null, null).status()).isEqualTo(200);

        JsonNode entry = portfolioEntry(solution);
        assertThat(entry.get("permission").asString()).isEqualTo("GRANTED");
        assertThat(entry.get("connectedInstitutions").valueStream().map(JsonNode::asString)).containsExactly("Valby Skole");
        JsonNode next = CaseApi.assess(api.as(Role.REQUESTER), request);
        assertThat(next.get("route").asString()).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(next.get("lookups").get("institutionConnected").asBoolean()).isTrue();
    }
}
