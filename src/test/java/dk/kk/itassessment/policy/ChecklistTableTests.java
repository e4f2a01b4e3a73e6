package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POLICY.md, "Checklist": decision-tables/checklist.drl.xlsx (sheet Checklist: items by route, items in any route)
 * and decision-tables/data-protection.drl.xlsx (sheet DataChecklist: items added by data).
 */
class ChecklistTableTests {

    static final List<String> PHASES = List.of("BEFORE_PURCHASE", "INTAKE", "CONSOLIDATION", "DESCRIPTION",
            "ASSESSMENT", "BEFORE_USE");
    static final Set<String> RESPONSIBLE = Set.of("REQUESTER", "ADMINISTRATIVE_STAFF", "DIGITALISATION_OFFICE",
            "GROUP_IT", "DPO", "SUPPLIER");
    static final Set<String> ACQUISITION_ITEMS = Set.of("CONTACT_DIGITALISATION_OFFICE", "SUBMIT_ACQUISITION_FORM",
            "DESCRIBE_NEED_AND_GAINS", "PLAN_FUNDING_AND_OPERATIONS", "REGISTER_IN_FISKK", "CONSOLIDATION_ASSESSMENT",
            "SUPPLIER_FORM", "ACQUISITION_ASSESSMENT", "SECURITY_ASSESSMENT", "OBTAIN_PERMISSION_TO_USE",
            "DO_NOT_BUY_BEFORE_PERMISSION", "SUBSCRIBE_TO_UPDATES");
    static final List<String> DATA_ITEMS = List.of("RISK_PROFILE", "DATA_PROCESSING_AGREEMENT", "REUSE_SUPPLIER_DPA",
            "DPIA", "TRANSFER_ASSESSMENT", "CPR_JUSTIFICATION", "INFORM_PARENTS", "AI_ACT_ASSESSMENT",
            "REQUIRE_NO_OWN_PURPOSE_PROCESSING");

    // --- items by route ---

    @ParameterizedTest
    @MethodSource("itemsByRoute")
    void eachRouteHasExactlyItsItems(Facts facts, String route, Set<String> codes) {
        Evaluation e = ShippedPolicy.evaluate(facts.onRoute(route));

        assertThat(e.route()).isEqualTo(route);
        assertThat(Outcome.checklist(e)).containsExactlyInAnyOrderElementsOf(codes);
    }

    static Stream<Arguments> itemsByRoute() {
        return Stream.of(
                argumentSet("FULL_ACQUISITION", plain(), "FULL_ACQUISITION", ACQUISITION_ITEMS),
                argumentSet("FAST_TRACK_ACQUISITION", plain(), "FAST_TRACK_ACQUISITION", ACQUISITION_ITEMS),
                argumentSet("DATA_AGREEMENT_REQUEST", plain(), "DATA_AGREEMENT_REQUEST",
                        Set.of("REQUEST_DATA_AGREEMENT_APPROVAL", "CONNECT_DATA_FLOW_TO_INSTITUTION", "SUBSCRIBE_TO_UPDATES")),
                argumentSet("DATA_AGREEMENT_REQUEST with pupil data", plain().pupilData(), "DATA_AGREEMENT_REQUEST",
                        Set.of("REQUEST_DATA_AGREEMENT_APPROVAL", "CONNECT_DATA_FLOW_TO_INSTITUTION", "SUBSCRIBE_TO_UPDATES")),
                argumentSet("USE_EXISTING_PERMISSION, no personal data", plain(), "USE_EXISTING_PERMISSION",
                        Set.of("VERIFY_PERMISSION_IN_FISKK")),
                argumentSet("USE_EXISTING_PERMISSION, personal data, institution connected",
                        plain().pupilData().with(f -> f.institutionConnected = true), "USE_EXISTING_PERMISSION",
                        Set.of("VERIFY_PERMISSION_IN_FISKK")),
                argumentSet("USE_EXISTING_PERMISSION, personal data, institution not connected", plain().pupilData(),
                        "USE_EXISTING_PERMISSION", Set.of("VERIFY_PERMISSION_IN_FISKK", "REQUEST_DATA_AGREEMENT_APPROVAL")),
                argumentSet("AWAIT_PENDING_ACQUISITION", plain(), "AWAIT_PENDING_ACQUISITION",
                        Set.of("CONTACT_DIGITALISATION_OFFICE", "SUBSCRIBE_TO_UPDATES", "DO_NOT_BUY_BEFORE_PERMISSION")),
                argumentSet("NOT_PERMITTED, no alternative", plain(), "NOT_PERMITTED",
                        Set.of("DO_NOT_USE", "CONTACT_DIGITALISATION_OFFICE")),
                argumentSet("NOT_PERMITTED, an alternative", plain().with(f -> f.alternatives = 1), "NOT_PERMITTED",
                        Set.of("DO_NOT_USE", "CONTACT_DIGITALISATION_OFFICE", "CONSIDER_ALTERNATIVES")),
                argumentSet("NOT_AN_IT_ACQUISITION", plain(), "NOT_AN_IT_ACQUISITION", Set.of("CONFIRM_NO_SOFTWARE")),
                argumentSet("NOT_AN_IT_ACQUISITION, whatever else", plain().pupilData().with(f -> {
                    f.alternatives = 2;
                    f.purchased = true;
                }), "NOT_AN_IT_ACQUISITION", Set.of("CONFIRM_NO_SOFTWARE")));
    }

    /** Each row of the checklist table: the route it fires on, the item, who, when and whether it is mandatory. */
    @ParameterizedTest
    @MethodSource("checklistRows")
    void eachChecklistRowPutsItsItem(String route, Consumer<Facts> change, String code, String responsible,
                                     String phase, boolean mandatory, int row) {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute(route).with(change));

        Evaluation.Item item = Outcome.item(e, code);
        assertThat(item.rule()).isEqualTo("Checklist_" + row);
        assertThat(item.responsible()).isEqualTo(responsible);
        assertThat(item.phase()).isEqualTo(phase);
        assertThat(item.mandatory()).isEqualTo(mandatory);
        assertThat(Outcome.line(e, item.rule()).source()).isEqualTo(Outcome.row("checklist", "Checklist", row));
    }

    static Stream<Arguments> checklistRows() {
        Consumer<Facts> none = f -> { };
        return Stream.of(
                row("FULL_ACQUISITION", none, "CONTACT_DIGITALISATION_OFFICE", "REQUESTER", "BEFORE_PURCHASE", true, 12),
                row("FAST_TRACK_ACQUISITION", none, "CONTACT_DIGITALISATION_OFFICE", "REQUESTER", "BEFORE_PURCHASE", true, 12),
                row("AWAIT_PENDING_ACQUISITION", none, "CONTACT_DIGITALISATION_OFFICE", "REQUESTER", "BEFORE_PURCHASE", true, 12),
                row("NOT_PERMITTED", none, "CONTACT_DIGITALISATION_OFFICE", "REQUESTER", "BEFORE_PURCHASE", true, 12),
                row("FULL_ACQUISITION", none, "DO_NOT_BUY_BEFORE_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 13),
                row("FAST_TRACK_ACQUISITION", none, "DO_NOT_BUY_BEFORE_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 13),
                row("AWAIT_PENDING_ACQUISITION", none, "DO_NOT_BUY_BEFORE_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 13),
                row("FULL_ACQUISITION", none, "SUBMIT_ACQUISITION_FORM", "REQUESTER", "INTAKE", true, 14),
                row("FULL_ACQUISITION", none, "DESCRIBE_NEED_AND_GAINS", "REQUESTER", "INTAKE", true, 15),
                row("FULL_ACQUISITION", none, "PLAN_FUNDING_AND_OPERATIONS", "REQUESTER", "INTAKE", true, 16),
                row("FULL_ACQUISITION", none, "REGISTER_IN_FISKK", "DIGITALISATION_OFFICE", "INTAKE", true, 17),
                row("FULL_ACQUISITION", none, "SUBSCRIBE_TO_UPDATES", "ADMINISTRATIVE_STAFF", "INTAKE", false, 18),
                row("DATA_AGREEMENT_REQUEST", none, "SUBSCRIBE_TO_UPDATES", "ADMINISTRATIVE_STAFF", "INTAKE", false, 18),
                row("AWAIT_PENDING_ACQUISITION", none, "SUBSCRIBE_TO_UPDATES", "ADMINISTRATIVE_STAFF", "INTAKE", false, 18),
                row("FULL_ACQUISITION", none, "CONSOLIDATION_ASSESSMENT", "GROUP_IT", "CONSOLIDATION", true, 19),
                row("FULL_ACQUISITION", none, "SUPPLIER_FORM", "SUPPLIER", "DESCRIPTION", true, 20),
                row("FULL_ACQUISITION", f -> f.kind = "HARDWARE_WITH_SOFTWARE", "DESCRIBE_EMBEDDED_SOFTWARE", "SUPPLIER", "DESCRIPTION", true, 21),
                row("FAST_TRACK_ACQUISITION", f -> f.kind = "HARDWARE_WITH_SOFTWARE", "DESCRIBE_EMBEDDED_SOFTWARE", "SUPPLIER", "DESCRIPTION", true, 21),
                row("FULL_ACQUISITION", none, "ACQUISITION_ASSESSMENT", "GROUP_IT", "ASSESSMENT", true, 22),
                row("FULL_ACQUISITION", none, "SECURITY_ASSESSMENT", "GROUP_IT", "ASSESSMENT", true, 23),
                row("FULL_ACQUISITION", none, "OBTAIN_PERMISSION_TO_USE", "GROUP_IT", "ASSESSMENT", true, 24),
                row("DATA_AGREEMENT_REQUEST", none, "REQUEST_DATA_AGREEMENT_APPROVAL", "REQUESTER", "BEFORE_USE", true, 25),
                row("USE_EXISTING_PERMISSION", Facts::pupilData, "REQUEST_DATA_AGREEMENT_APPROVAL", "REQUESTER", "BEFORE_USE", true, 26),
                row("DATA_AGREEMENT_REQUEST", none, "CONNECT_DATA_FLOW_TO_INSTITUTION", "DIGITALISATION_OFFICE", "BEFORE_USE", true, 27),
                row("USE_EXISTING_PERMISSION", f -> f.requesterRole = "ADMINISTRATIVE", "VERIFY_PERMISSION_IN_FISKK", "REQUESTER", "BEFORE_PURCHASE", true, 28),
                row("USE_EXISTING_PERMISSION", none, "VERIFY_PERMISSION_IN_FISKK", "ADMINISTRATIVE_STAFF", "BEFORE_PURCHASE", true, 29),
                row("NOT_PERMITTED", none, "DO_NOT_USE", "REQUESTER", "BEFORE_PURCHASE", true, 30),
                row("NOT_PERMITTED", f -> f.alternatives = 1, "CONSIDER_ALTERNATIVES", "REQUESTER", "BEFORE_PURCHASE", false, 31),
                row("NOT_AN_IT_ACQUISITION", none, "CONFIRM_NO_SOFTWARE", "REQUESTER", "BEFORE_PURCHASE", true, 32),
                row("FULL_ACQUISITION", f -> f.inUse = true, "STOP_USE_UNTIL_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 33),
                row("FAST_TRACK_ACQUISITION", f -> f.inUse = true, "STOP_USE_UNTIL_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 33),
                row("NOT_PERMITTED", f -> f.inUse = true, "STOP_USE_UNTIL_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 33),
                row("AWAIT_PENDING_ACQUISITION", f -> f.inUse = true, "STOP_USE_UNTIL_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 33),
                row("DATA_AGREEMENT_REQUEST", f -> f.inUse = true, "STOP_USE_UNTIL_PERMISSION", "REQUESTER", "BEFORE_PURCHASE", true, 33));
    }

    private static Arguments row(String route, Consumer<Facts> change, String code, String responsible, String phase,
                                 boolean mandatory, int row) {
        return argumentSet("row " + row + ": " + code + " on " + route, route, change, code, responsible, phase, mandatory, row);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEACHER", "PEDAGOGUE", "LEADER", "IT_COORDINATOR", "OTHER"})
    void onlyAdministrativeStaffCanLookIntoTheFiskk(String role) {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute("USE_EXISTING_PERMISSION").with(f -> f.requesterRole = role));

        assertThat(Outcome.item(e, "VERIFY_PERMISSION_IN_FISKK").responsible()).isEqualTo("ADMINISTRATIVE_STAFF");
    }

    @Test
    void anAdministrativeRequesterVerifiesThePermissionHimself() {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute("USE_EXISTING_PERMISSION")
                .with(f -> f.requesterRole = "ADMINISTRATIVE"));

        assertThat(Outcome.item(e, "VERIFY_PERMISSION_IN_FISKK").responsible()).isEqualTo("REQUESTER");
    }

    // --- items added by data ---

    @ParameterizedTest
    @MethodSource("dataRows")
    void eachDataRowAddsItsItemOnTheAcquisitionRoutes(String route, Consumer<Facts> data, String code,
                                                      String responsible, String phase, int row) {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().onRoute(route).with(data));

        assertThat(e.route()).isEqualTo(route);
        Evaluation.Item item = Outcome.item(e, code);
        assertThat(item.rule()).isEqualTo("DataChecklist_" + row);
        assertThat(item.responsible()).isEqualTo(responsible);
        assertThat(item.phase()).isEqualTo(phase);
        assertThat(item.mandatory()).isTrue();
        assertThat(Outcome.line(e, item.rule()).source()).isEqualTo(Outcome.row("data-protection", "DataChecklist", row));
    }

    static Stream<Arguments> dataRows() {
        Stream<Arguments> onBoth = Stream.of("FULL_ACQUISITION", "FAST_TRACK_ACQUISITION").flatMap(route -> Stream.of(
                dataRow(route, f -> { }, "RISK_PROFILE", "DIGITALISATION_OFFICE", "DESCRIPTION", 12),
                dataRow(route, f -> f.dataCategories = Set.of("SENSITIVE", "BIOMETRIC"), "DPIA", "DPO", "DESCRIPTION", 15),
                dataRow(route, f -> f.location = "OTHER_THIRD_COUNTRY", "TRANSFER_ASSESSMENT", "DPO", "ASSESSMENT", 16),
                dataRow(route, f -> f.location = "UNKNOWN", "TRANSFER_ASSESSMENT", "DPO", "ASSESSMENT", 16),
                dataRow(route, f -> f.dataCategories = Set.of("CPR"), "CPR_JUSTIFICATION", "DIGITALISATION_OFFICE", "DESCRIPTION", 17),
                dataRow(route, f -> f.subjects = Set.of("PUPILS"), "INFORM_PARENTS", "REQUESTER", "BEFORE_USE", 18),
                dataRow(route, f -> f.subjects = Set.of("CHILDREN"), "INFORM_PARENTS", "REQUESTER", "BEFORE_USE", 18),
                dataRow(route, f -> f.aiFeatures = Set.of("GRADING"), "AI_ACT_ASSESSMENT", "DIGITALISATION_OFFICE", "ASSESSMENT", 19),
                dataRow(route, f -> f.aiFeatures = Set.of("PROCTORING"), "AI_ACT_ASSESSMENT", "DIGITALISATION_OFFICE", "ASSESSMENT", 19),
                dataRow(route, f -> f.aiFeatures = Set.of("ADAPTIVE_LEARNING"), "AI_ACT_ASSESSMENT", "DIGITALISATION_OFFICE", "ASSESSMENT", 19),
                dataRow(route, f -> f.supplierOwnPurposes = true, "REQUIRE_NO_OWN_PURPOSE_PROCESSING", "DIGITALISATION_OFFICE", "ASSESSMENT", 20)));
        return Stream.concat(onBoth, Stream.of(
                dataRow("FULL_ACQUISITION", f -> { }, "DATA_PROCESSING_AGREEMENT", "DIGITALISATION_OFFICE", "ASSESSMENT", 13),
                dataRow("FAST_TRACK_ACQUISITION", f -> { }, "REUSE_SUPPLIER_DPA", "DIGITALISATION_OFFICE", "ASSESSMENT", 14)));
    }

    private static Arguments dataRow(String route, Consumer<Facts> data, String code, String responsible, String phase, int row) {
        return argumentSet("row " + row + ": " + code + " on " + route, route, data, code, responsible, phase, row);
    }

    @Test
    void theFullRouteEntersADataProcessingAgreementAndTheFastTrackReusesTheSuppliers() {
        Set<String> full = Outcome.checklist(ShippedPolicy.evaluate(plain().employeeData()));
        Set<String> fast = Outcome.checklist(ShippedPolicy.evaluate(plain().employeeData().onRoute("FAST_TRACK_ACQUISITION")));

        assertThat(full).contains("DATA_PROCESSING_AGREEMENT").doesNotContain("REUSE_SUPPLIER_DPA");
        assertThat(fast).contains("REUSE_SUPPLIER_DPA").doesNotContain("DATA_PROCESSING_AGREEMENT");
    }

    @ParameterizedTest
    @MethodSource("dataItemsWhereTheyDoNotBelong")
    void noDataItemOnOtherRoutesOrWithoutPersonalData(Facts facts) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(Outcome.checklist(e)).doesNotContainAnyElementsOf(DATA_ITEMS);
    }

    /** Data that would add every data item (a DPIA, a transfer, CPR, children, AI grading, own purposes). */
    static Facts everyDataItem() {
        return plain().pupilData().with(f -> {
            f.dataCategories = Set.of("CPR", "WELLBEING");
            f.location = "UNKNOWN";
            f.aiFeatures = Set.of("GRADING");
            f.supplierOwnPurposes = true;
        });
    }

    static Stream<Arguments> dataItemsWhereTheyDoNotBelong() {
        Stream<Arguments> otherRoutes = Outcome.ROUTES.stream().limit(5)
                .map(route -> argumentSet("every data item's condition on " + route, everyDataItem().onRoute(route)));
        Stream<Arguments> noPersonalData = Stream.of("FULL_ACQUISITION", "FAST_TRACK_ACQUISITION")
                .map(route -> argumentSet("every data item's condition but no personal data on " + route,
                        everyDataItem().onRoute(route).with(f -> f.personalData = false)));
        return Stream.concat(otherRoutes, noPersonalData);
    }

    @Test
    void everyDataItemOnTheFullRoute() {
        Evaluation e = ShippedPolicy.evaluate(everyDataItem());

        assertThat(Outcome.checklist(e)).containsAll(List.of("RISK_PROFILE", "DATA_PROCESSING_AGREEMENT", "DPIA",
                "TRANSFER_ASSESSMENT", "CPR_JUSTIFICATION", "INFORM_PARENTS", "AI_ACT_ASSESSMENT",
                "REQUIRE_NO_OWN_PURPOSE_PROCESSING"));
    }

    @ParameterizedTest
    @MethodSource("dataItemsWhoseRowDoesNotHold")
    void aDataItemIsAbsentWhenItsRowDoesNotHold(Consumer<Facts> data, String code) {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(data));

        assertThat(e.route()).isEqualTo("FULL_ACQUISITION");
        assertThat(Outcome.checklist(e)).contains("RISK_PROFILE").doesNotContain(code);
    }

    static Stream<Arguments> dataItemsWhoseRowDoesNotHold() {
        return Stream.of(
                argumentSet("one DPIA criterion: no DPIA", (Consumer<Facts>) f -> f.dataCategories = Set.of("SENSITIVE"), "DPIA"),
                argumentSet("EU/EEA: no transfer assessment", (Consumer<Facts>) f -> f.location = "EU_EEA", "TRANSFER_ASSESSMENT"),
                argumentSet("adequate country: no transfer assessment", (Consumer<Facts>) f -> f.location = "ADEQUATE_COUNTRY", "TRANSFER_ASSESSMENT"),
                argumentSet("Denmark: no transfer assessment", (Consumer<Facts>) f -> f.location = "DENMARK", "TRANSFER_ASSESSMENT"),
                argumentSet("no CPR: no justification", (Consumer<Facts>) f -> f.dataCategories = Set.of("CONTACT", "ASSESSMENTS"), "CPR_JUSTIFICATION"),
                argumentSet("parents and employees: no children", (Consumer<Facts>) f -> f.subjects = Set.of("PARENTS", "EMPLOYEES"), "INFORM_PARENTS"),
                argumentSet("generative AI: no AI Act assessment", (Consumer<Facts>) f -> f.aiFeatures = Set.of("GENERATIVE", "OTHER"), "AI_ACT_ASSESSMENT"),
                argumentSet("not for own purposes", (Consumer<Facts>) f -> f.supplierOwnPurposes = false, "REQUIRE_NO_OWN_PURPOSE_PROCESSING"));
    }

    // --- items added in any route ---

    @ParameterizedTest
    @MethodSource("noStopOfUse")
    void noStopOfUseWithoutUseAndTheWarning(Facts facts) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(Outcome.checklist(e)).doesNotContain("STOP_USE_UNTIL_PERMISSION");
    }

    static Stream<Arguments> noStopOfUse() {
        return Stream.of(
                argumentSet("only purchased", plain().with(f -> f.purchased = true)),
                argumentSet("only contract signed", plain().with(f -> f.contractSigned = true)),
                argumentSet("in use, with a permission", plain().onRoute("USE_EXISTING_PERMISSION").with(f -> f.inUse = true)),
                argumentSet("in use, not an IT acquisition", plain().onRoute("NOT_AN_IT_ACQUISITION").with(f -> f.inUse = true)));
    }

    @ParameterizedTest
    @MethodSource("noEmbeddedSoftware")
    void embeddedSoftwareIsDescribedOnlyOnTheAcquisitionRoutes(Facts facts) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(Outcome.checklist(e)).doesNotContain("DESCRIBE_EMBEDDED_SOFTWARE");
    }

    static Stream<Arguments> noEmbeddedSoftware() {
        Stream<Arguments> otherRoutes = Stream.of("NOT_PERMITTED", "USE_EXISTING_PERMISSION", "AWAIT_PENDING_ACQUISITION",
                "DATA_AGREEMENT_REQUEST").map(route -> argumentSet("hardware with software on " + route,
                plain().with(f -> f.kind = "HARDWARE_WITH_SOFTWARE").onRoute(route)));
        return Stream.concat(otherRoutes, Stream.of(
                argumentSet("an app on the full route", plain()),
                argumentSet("a web service on the fast track", plain().with(f -> f.kind = "WEB_SERVICE").onRoute("FAST_TRACK_ACQUISITION")),
                argumentSet("hardware without software", plain().onRoute("NOT_AN_IT_ACQUISITION"))));
    }

    // --- every list ---

    @ParameterizedTest
    @MethodSource("variety")
    void noCodeTwiceAndEveryItemComplete(Facts facts) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(e.checklist()).isNotEmpty();
        assertThat(e.checklist().stream().map(Evaluation.Item::code)).doesNotHaveDuplicates();
        assertThat(e.checklist()).allSatisfy(item -> {
            assertThat(item.responsible()).isIn(RESPONSIBLE);
            assertThat(item.phase()).isIn(PHASES);
            assertThat(item.title().da()).isNotBlank();
            assertThat(item.title().en()).isNotBlank();
            assertThat(item.rule()).isNotBlank();
            assertThat(Outcome.line(e, item.rule()).source()).startsWith("decision-tables/");
        });
        List<Integer> phases = e.checklist().stream().map(i -> PHASES.indexOf(i.phase())).toList();
        assertThat(phases).isSorted();
    }

    static Stream<Arguments> variety() {
        return Outcome.ROUTES.stream().flatMap(route -> Stream.of(
                argumentSet(route + ", plain", plain().onRoute(route)),
                argumentSet(route + ", everything", everyDataItem().with(f -> {
                    f.kind = "HARDWARE_WITH_SOFTWARE";
                    f.inUse = true;
                    f.alternatives = 2;
                }).onRoute(route))));
    }

    @Test
    void theListIsOrderedByPhaseThenByTheTablesOrder() {
        Evaluation e = ShippedPolicy.evaluate(everyDataItem().with(f -> {
            f.kind = "HARDWARE_WITH_SOFTWARE";
            f.inUse = true;
        }));

        assertThat(e.checklist().stream().map(Evaluation.Item::code)).containsExactly(
                // BEFORE_PURCHASE
                "STOP_USE_UNTIL_PERMISSION", "CONTACT_DIGITALISATION_OFFICE", "DO_NOT_BUY_BEFORE_PERMISSION",
                // INTAKE
                "SUBMIT_ACQUISITION_FORM", "DESCRIBE_NEED_AND_GAINS", "PLAN_FUNDING_AND_OPERATIONS", "REGISTER_IN_FISKK",
                "SUBSCRIBE_TO_UPDATES",
                // CONSOLIDATION
                "CONSOLIDATION_ASSESSMENT",
                // DESCRIPTION
                "SUPPLIER_FORM", "DESCRIBE_EMBEDDED_SOFTWARE", "RISK_PROFILE", "DPIA", "CPR_JUSTIFICATION",
                // ASSESSMENT
                "ACQUISITION_ASSESSMENT", "SECURITY_ASSESSMENT", "DATA_PROCESSING_AGREEMENT", "TRANSFER_ASSESSMENT",
                "AI_ACT_ASSESSMENT", "REQUIRE_NO_OWN_PURPOSE_PROCESSING", "OBTAIN_PERMISSION_TO_USE",
                // BEFORE_USE
                "INFORM_PARENTS");
    }

    @Test
    void onANotPermittedRouteDoNotUseComesFirst() {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute("NOT_PERMITTED").with(f -> f.alternatives = 1));

        assertThat(e.checklist().stream().map(Evaluation.Item::code))
                .containsExactly("DO_NOT_USE", "CONTACT_DIGITALISATION_OFFICE", "CONSIDER_ALTERNATIVES");
    }
}
