package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each rule of CONTRACT.md's request table, broken once, through POST /api/v1/assessments: 400 naming the field,
 * and nothing stored. (RequestReaderTests covers the same rules in depth without HTTP.)
 */
@IntegrationTest
class RequestValidationApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    static Arguments breaking(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change);
    }

    static ObjectNode at(ObjectNode request, String object) {
        return (ObjectNode) request.get(object);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                breaking("requester.name", r -> at(r, "requester").put("name", "x".repeat(201))),
                breaking("requester.institution", r -> at(r, "requester").remove("institution")),
                breaking("requester.email", r -> at(r, "requester").put("email", "mette.hansen")),
                breaking("requester.role", r -> at(r, "requester").put("role", "PRINCIPAL")),
                breaking("requester.institutionType", r -> at(r, "requester").put("institutionType", "UNIVERSITY")),
                breaking("solution.name", r -> at(r, "solution").put("name", "")),
                breaking("solution.supplierName", r -> at(r, "solution").remove("supplierName")),
                breaking("solution.supplierCvr", r -> at(r, "solution").put("supplierCvr", "13585627")),
                breaking("solution.kind", r -> at(r, "solution").put("kind", "SPACESHIP")),
                breaking("solution.category", r -> at(r, "solution").put("category", "GAMES")),
                breaking("solution.url", r -> at(r, "solution").put("url", "javascript:alert(1)")),
                breaking("solution.aiFeatures", r -> ((ArrayNode) at(r, "solution").putArray("aiFeatures")).add("GRADING").add("GRADING")),
                breaking("purpose", r -> r.put("purpose", "FUN")),
                breaking("cost.free", r -> at(r, "cost").remove("free")),
                breaking("cost.priceDkk", r -> at(r, "cost").put("priceDkk", 100)),
                breaking("cost.purchaseChannel", r -> at(r, "cost").put("purchaseChannel", "MARKET")),
                breaking("personalData.processed", r -> at(r, "personalData").remove("processed")),
                breaking("personalData.subjects", r -> at(r, "personalData").put("processed", true)),
                breaking("personalData.categories", r -> at(r, "personalData").putArray("categories").add("CONTACT")),
                breaking("status.inUse", r -> at(r, "status").put("inUse", "yes")),
                breaking("users", r -> r.put("users", 1e20)),
                breaking("need", r -> r.put("need", "x".repeat(4001))),
                breaking("operations.hoursPerMonth", r -> r.putObject("operations").put("hoursPerMonth", -1)),
                breaking("nickname", r -> r.put("nickname", "Mette")),
                breaking("requester.nickname", r -> at(r, "requester").put("nickname", "Mette")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsA400NamingTheFieldAndStoresNothing(String field, Consumer<ObjectNode> change) {
        ObjectNode request = (ObjectNode) Examples.request().deepCopy();
        change.accept(request);
        long before = jdbc.sql("select count(*) from assessments").query(Long.class).single();

        Api.Response response = api.post("/api/v1/assessments", request);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").values().forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(response.text()).anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(jdbc.sql("select count(*) from assessments").query(Long.class).single()).isEqualTo(before);
    }
}
