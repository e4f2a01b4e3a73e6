package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.TODAY;
import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POLICY.md, "Facts the rules see" and "Derived facts": rules/derive/*.drl. */
class DerivedFactsTests {

    private static final String PERMISSION_PAST_END = "Portfolio: a granted permission past its end date has expired";
    private static final String AGREEMENT_PAST_END = "Supplier: an active agreement past its end date has expired";
    private static final String DPIA_REQUIRED = "DPIA required: personal data and two or more criteria";

    // --- look-ups: end dates ---

    @Test
    void aGrantedPermissionValidUntilYesterdayCountsAsExpired() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.portfolio = "GRANTED";
            f.permissionValidUntil = TODAY.minusDays(1);
        }));

        assertThat(e.route()).isEqualTo("FULL_ACQUISITION");
        assertThat(Outcome.warnings(e)).contains("PERMISSION_EXPIRED");
        assertThat(Outcome.warning(e, "PERMISSION_EXPIRED").rule()).isEqualTo("Warnings_17");
        assertThat(Outcome.line(e, PERMISSION_PAST_END).source()).startsWith("rules/derive/lookups.drl, line ");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 365})
    void aGrantedPermissionValidUntilTodayOrLaterStaysGranted(int daysAhead) {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.portfolio = "GRANTED";
            f.permissionValidUntil = TODAY.plusDays(daysAhead);
        }));

        assertThat(e.route()).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(Outcome.warnings(e)).doesNotContain("PERMISSION_EXPIRED");
        assertThat(Outcome.fired(e, PERMISSION_PAST_END)).isFalse();
    }

    @Test
    void aGrantedPermissionWithoutEndDateStaysGranted() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> f.portfolio = "GRANTED"));

        assertThat(e.route()).isEqualTo("USE_EXISTING_PERMISSION");
        assertThat(Outcome.warnings(e)).doesNotContain("PERMISSION_EXPIRED");
    }

    @Test
    void anEndDateOnlyMattersToAGrantedPermission() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.portfolio = "PENDING";
            f.permissionValidUntil = TODAY.minusDays(1);
        }));

        assertThat(e.route()).isEqualTo("AWAIT_PENDING_ACQUISITION");
        assertThat(Outcome.warnings(e)).doesNotContain("PERMISSION_EXPIRED");
    }

    @Test
    void anActiveAgreementPastItsEndDateCountsAsExpired() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.agreement = "ACTIVE";
            f.agreementValidUntil = TODAY.minusDays(1);
        }));

        assertThat(e.route()).isEqualTo("FULL_ACQUISITION");
        assertThat(Outcome.warnings(e)).contains("SUPPLIER_AGREEMENT_EXPIRED");
        assertThat(Outcome.warning(e, "SUPPLIER_AGREEMENT_EXPIRED").rule()).isEqualTo("Warnings_18");
        assertThat(Outcome.line(e, AGREEMENT_PAST_END).source()).startsWith("rules/derive/lookups.drl, line ");
    }

    @Test
    void anActiveAgreementPastItsEndDateCoveringTheSolutionIsNoDataAgreementRequestEither() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.agreement = "ACTIVE";
            f.covered = true;
            f.agreementValidUntil = TODAY.minusDays(1);
        }));

        assertThat(e.route()).isEqualTo("FULL_ACQUISITION");
        assertThat(Outcome.warnings(e)).contains("SUPPLIER_AGREEMENT_EXPIRED");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void anActiveAgreementValidUntilTodayOrLaterStaysActive(int daysAhead) {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.agreement = "ACTIVE";
            f.agreementValidUntil = TODAY.plusDays(daysAhead);
        }));

        assertThat(e.route()).isEqualTo("FAST_TRACK_ACQUISITION");
        assertThat(Outcome.warnings(e)).doesNotContain("SUPPLIER_AGREEMENT_EXPIRED");
        assertThat(Outcome.fired(e, AGREEMENT_PAST_END)).isFalse();
    }

    // --- itSystem ---

    @ParameterizedTest
    @ValueSource(strings = {"APP", "DESKTOP_SOFTWARE", "WEB_SERVICE", "BROWSER_EXTENSION", "HARDWARE_WITH_SOFTWARE"})
    void everyKindButHardwareWithoutSoftwareIsAnItSystem(String kind) {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> f.kind = kind));

        assertThat(e.route()).isEqualTo("FULL_ACQUISITION");
        assertThat(Outcome.line(e, "IT system: everything but hardware without software").source())
                .startsWith("rules/derive/derived-facts.drl, line ");
    }

    @Test
    void hardwareWithoutSoftwareIsNoItSystem() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> f.kind = "HARDWARE_WITHOUT_SOFTWARE"));

        assertThat(e.route()).isEqualTo("NOT_AN_IT_ACQUISITION");
        assertThat(Outcome.fired(e, "IT system: everything but hardware without software")).isFalse();
    }

    // --- DPIA criteria ---

    @ParameterizedTest
    @MethodSource("criteria")
    void eachDpiaCriterionCountsAloneAndOneIsNotEnough(Consumer<Facts> change, String criterion) {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(change));

        assertThat(e.dpiaCriteria()).containsExactly(criterion);
        assertThat(e.dpiaRequired()).isFalse();
    }

    static Stream<Arguments> criteria() {
        return Stream.of(
                argumentSet("pupils: children", (Consumer<Facts>) f -> f.subjects = Set.of("PUPILS"), "CHILDREN"),
                argumentSet("children: children", (Consumer<Facts>) f -> f.subjects = Set.of("CHILDREN", "PARENTS"), "CHILDREN"),
                argumentSet("sensitive data", (Consumer<Facts>) f -> f.dataCategories = Set.of("CONTACT", "SENSITIVE"), "SENSITIVE"),
                argumentSet("biometric data", (Consumer<Facts>) f -> f.dataCategories = Set.of("BIOMETRIC"), "BIOMETRIC"),
                argumentSet("location data", (Consumer<Facts>) f -> f.dataCategories = Set.of("LOCATION"), "LOCATION"),
                argumentSet("wellbeing data", (Consumer<Facts>) f -> f.dataCategories = Set.of("WELLBEING"), "WELLBEING"),
                argumentSet("an AI feature (GENERATIVE)", (Consumer<Facts>) f -> f.aiFeatures = Set.of("GENERATIVE"), "AI"),
                argumentSet("an AI feature (OTHER)", (Consumer<Facts>) f -> f.aiFeatures = Set.of("OTHER"), "AI"),
                argumentSet("1000 users", (Consumer<Facts>) f -> f.users = 1000, "LARGE_SCALE"));
    }

    @Test
    void thePlainCaseWithEmployeeDataMeetsNoCriterion() {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData());

        assertThat(e.dpiaCriteria()).isEmpty();
        assertThat(e.dpiaRequired()).isFalse();
    }

    @Test
    void criteriaThatDoNotApplyAreNotCounted() {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(f -> {
            f.subjects = Set.of("EMPLOYEES", "PARENTS", "OTHERS");
            f.dataCategories = Set.of("CONTACT", "ASSESSMENTS", "PHOTO_VIDEO_AUDIO", "CPR", "OTHER");
        }));

        assertThat(e.dpiaCriteria()).isEmpty();
    }

    @Test
    void twoCriteriaWithPersonalDataRequireADpia() {
        Evaluation e = ShippedPolicy.evaluate(plain().pupilData().with(f -> f.dataCategories = Set.of("WELLBEING")));

        assertThat(e.dpiaCriteria()).containsExactlyInAnyOrder("CHILDREN", "WELLBEING");
        assertThat(e.dpiaRequired()).isTrue();
        assertThat(Outcome.line(e, DPIA_REQUIRED).source()).startsWith("rules/derive/profile.drl, line ");
    }

    @Test
    void allSevenCriteriaAreCountedOnce() {
        Evaluation e = ShippedPolicy.evaluate(plain().pupilData().with(f -> {
            f.subjects = Set.of("PUPILS", "CHILDREN");
            f.dataCategories = Set.of("SENSITIVE", "BIOMETRIC", "LOCATION", "WELLBEING");
            f.aiFeatures = Set.of("GENERATIVE", "GRADING");
            f.users = 5000;
        }));

        assertThat(e.dpiaCriteria()).containsExactlyInAnyOrder("CHILDREN", "SENSITIVE", "BIOMETRIC", "LOCATION",
                "WELLBEING", "AI", "LARGE_SCALE");
        assertThat(e.dpiaRequired()).isTrue();
    }

    @Test
    void twoCriteriaWithoutPersonalDataRequireNoDpia() {
        Evaluation e = ShippedPolicy.evaluate(plain().with(f -> {
            f.aiFeatures = Set.of("GENERATIVE");
            f.users = 1000;
        }));

        assertThat(e.dpiaCriteria()).containsExactlyInAnyOrder("AI", "LARGE_SCALE");
        assertThat(e.dpiaRequired()).isFalse();
        assertThat(Outcome.fired(e, DPIA_REQUIRED)).isFalse();
    }

    @Test
    void nineHundredNinetyNineUsersAreNotLargeScale() {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(f -> f.users = 999));

        assertThat(e.dpiaCriteria()).doesNotContain("LARGE_SCALE");
    }

    @Test
    void aThousandUsersAreLargeScale() {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(f -> f.users = 1000));

        assertThat(e.dpiaCriteria()).contains("LARGE_SCALE");
    }
}
