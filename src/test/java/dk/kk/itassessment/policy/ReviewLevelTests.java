package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POLICY.md, "Security review level" and "Estimated processing days": decision-tables/data-protection.drl.xlsx,
 * sheet ReviewLevels, and the days column of the route table.
 */
class ReviewLevelTests {

    /** The data of each risk tier. */
    static Facts low() {
        return plain();
    }

    static Facts medium() {
        return plain().employeeData();
    }

    static Facts high() {
        return plain().employeeData().with(f -> f.dataCategories = Set.of("CPR"));
    }

    @ParameterizedTest
    @MethodSource("routesOneToFive")
    void routesOneToFiveHaveNoSecurityReviewWhateverTheRisk(String route) {
        Evaluation e = ShippedPolicy.evaluate(high().onRoute(route));

        assertThat(e.route()).isEqualTo(route);
        assertThat(e.riskTier()).isEqualTo("HIGH");
        assertThat(e.securityReview()).isEqualTo("NONE");
        Evaluation.Explanation chosen = Outcome.chosenBy(e, "ReviewLevels");
        assertThat(chosen.rule()).isEqualTo("ReviewLevels_14");
        assertThat(chosen.source()).isEqualTo(Outcome.row("data-protection", "ReviewLevels", 14));
    }

    static Stream<String> routesOneToFive() {
        return Outcome.ROUTES.stream().limit(5);
    }

    @ParameterizedTest
    @MethodSource("acquisitions")
    void theAcquisitionRoutesAreReviewedByRiskTier(String route, Supplier<Facts> data, String tier, String review,
                                                    int row, int days) {
        Evaluation e = ShippedPolicy.evaluate(data.get().onRoute(route));

        assertThat(e.route()).isEqualTo(route);
        assertThat(e.riskTier()).isEqualTo(tier);
        assertThat(e.securityReview()).isEqualTo(review);
        assertThat(Outcome.chosenBy(e, "ReviewLevels").rule()).isEqualTo("ReviewLevels_" + row);
        assertThat(e.estimatedProcessingDays()).isEqualTo(days);
    }

    static Stream<Arguments> acquisitions() {
        return Stream.of(
                argumentSet("FAST_TRACK, LOW: BASELINE, 30 days", "FAST_TRACK_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::low, "LOW", "BASELINE", 15, 30),
                argumentSet("FAST_TRACK, MEDIUM: STANDARD, 30 days", "FAST_TRACK_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::medium, "MEDIUM", "STANDARD", 16, 30),
                argumentSet("FAST_TRACK, HIGH: EXTENDED, 30 + 30 days", "FAST_TRACK_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::high, "HIGH", "EXTENDED", 17, 60),
                argumentSet("FULL, LOW: BASELINE, 60 days", "FULL_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::low, "LOW", "BASELINE", 15, 60),
                argumentSet("FULL, MEDIUM: STANDARD, 60 days", "FULL_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::medium, "MEDIUM", "STANDARD", 16, 60),
                argumentSet("FULL, HIGH: EXTENDED, 60 + 30 days", "FULL_ACQUISITION", (Supplier<Facts>) ReviewLevelTests::high, "HIGH", "EXTENDED", 17, 90));
    }

    @ParameterizedTest
    @MethodSource("days")
    void processingDaysPerRoute(String route, Facts facts, Integer days) {
        Evaluation e = ShippedPolicy.evaluate(facts.onRoute(route));

        assertThat(e.route()).isEqualTo(route);
        assertThat(e.estimatedProcessingDays()).isEqualTo(days);
    }

    static Stream<Arguments> days() {
        return Stream.of(
                argumentSet("NOT_AN_IT_ACQUISITION: 0", "NOT_AN_IT_ACQUISITION", high(), 0),
                argumentSet("NOT_PERMITTED: 0", "NOT_PERMITTED", high(), 0),
                argumentSet("USE_EXISTING_PERMISSION: 0", "USE_EXISTING_PERMISSION", low(), 0),
                argumentSet("USE_EXISTING_PERMISSION, institution connected: 0", "USE_EXISTING_PERMISSION",
                        high().with(f -> f.institutionConnected = true), 0),
                argumentSet("USE_EXISTING_PERMISSION, data agreement approval needed: 5", "USE_EXISTING_PERMISSION", high(), 5),
                argumentSet("AWAIT_PENDING_ACQUISITION: none", "AWAIT_PENDING_ACQUISITION", high(), null),
                argumentSet("DATA_AGREEMENT_REQUEST: 10, even with high risk", "DATA_AGREEMENT_REQUEST", high(), 10),
                argumentSet("FAST_TRACK_ACQUISITION: 30", "FAST_TRACK_ACQUISITION", medium(), 30),
                argumentSet("FULL_ACQUISITION: 60", "FULL_ACQUISITION", medium(), 60));
    }

    @ParameterizedTest
    @MethodSource("sameData")
    void aDataAgreementRequestIsQuickerThanTheFastTrackWhichIsQuickerThanTheFullRoute(Supplier<Facts> data) {
        int request = days(data.get().onRoute("DATA_AGREEMENT_REQUEST"), "DATA_AGREEMENT_REQUEST");
        int fast = days(data.get().onRoute("FAST_TRACK_ACQUISITION"), "FAST_TRACK_ACQUISITION");
        int full = days(data.get().onRoute("FULL_ACQUISITION"), "FULL_ACQUISITION");

        assertThat(request).isLessThan(fast);
        assertThat(fast).isLessThan(full);
    }

    static Stream<Arguments> sameData() {
        return Stream.of(
                argumentSet("no personal data", (Supplier<Facts>) ReviewLevelTests::low),
                argumentSet("employee data", (Supplier<Facts>) ReviewLevelTests::medium),
                argumentSet("pupil data", (Supplier<Facts>) () -> plain().pupilData()),
                argumentSet("CPR numbers", (Supplier<Facts>) ReviewLevelTests::high),
                argumentSet("a DPIA, a transfer and AI grading", (Supplier<Facts>) () -> plain().pupilData().with(f -> {
                    f.dataCategories = Set.of("WELLBEING", "CPR");
                    f.location = "UNKNOWN";
                    f.aiFeatures = Set.of("GRADING");
                })));
    }

    private static int days(Facts facts, String route) {
        Evaluation e = ShippedPolicy.evaluate(facts);
        assertThat(e.route()).isEqualTo(route);
        assertThat(e.estimatedProcessingDays()).isNotNull();
        return e.estimatedProcessingDays();
    }
}
