package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POLICY.md, "riskTier": decision-tables/data-protection.drl.xlsx, sheet RiskTier (first row that matches). */
class RiskTierTests {

    @ParameterizedTest
    @MethodSource("rows")
    void eachRowChoosesItsTier(Facts facts, String tier, int row) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(e.riskTier()).isEqualTo(tier);
        Evaluation.Explanation chosen = Outcome.chosenBy(e, "RiskTier");
        assertThat(chosen.rule()).isEqualTo("RiskTier_" + row);
        assertThat(chosen.source()).isEqualTo(Outcome.row("data-protection", "RiskTier", row));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                argumentSet("LOW: no personal data", plain(), "LOW", 14),
                argumentSet("LOW: no personal data, however risky otherwise", plain().with(f -> {
                    f.location = "UNKNOWN";
                    f.supplierOwnPurposes = true;
                    f.aiFeatures = Set.of("GRADING", "PROCTORING");
                    f.users = 5000;
                }), "LOW", 14),
                argumentSet("HIGH: DPIA required", plain().employeeData().with(f -> {
                    f.dataCategories = Set.of("SENSITIVE");
                    f.users = 1000;
                }), "HIGH", 15),
                argumentSet("HIGH: CPR", plain().employeeData().with(f -> f.dataCategories = Set.of("CONTACT", "CPR")), "HIGH", 16),
                argumentSet("HIGH: OTHER_THIRD_COUNTRY", plain().employeeData().with(f -> f.location = "OTHER_THIRD_COUNTRY"), "HIGH", 17),
                argumentSet("HIGH: UNKNOWN location", plain().employeeData().with(f -> f.location = "UNKNOWN"), "HIGH", 17),
                argumentSet("HIGH: supplier's own purposes", plain().employeeData().with(f -> f.supplierOwnPurposes = true), "HIGH", 18),
                argumentSet("HIGH: AI GRADING", plain().employeeData().with(f -> f.aiFeatures = Set.of("GRADING")), "HIGH", 19),
                argumentSet("HIGH: AI PROCTORING", plain().employeeData().with(f -> f.aiFeatures = Set.of("PROCTORING")), "HIGH", 19),
                argumentSet("HIGH: AI ADAPTIVE_LEARNING", plain().employeeData().with(f -> f.aiFeatures = Set.of("ADAPTIVE_LEARNING")), "HIGH", 19),
                argumentSet("MEDIUM: employee data in the EU/EEA", plain().employeeData(), "MEDIUM", 20),
                argumentSet("MEDIUM: pupil data in Denmark (one DPIA criterion)", plain().pupilData(), "MEDIUM", 20),
                argumentSet("MEDIUM: ADEQUATE_COUNTRY", plain().employeeData().with(f -> f.location = "ADEQUATE_COUNTRY"), "MEDIUM", 20),
                argumentSet("MEDIUM: GENERATIVE AI alone", plain().employeeData().with(f -> f.aiFeatures = Set.of("GENERATIVE")), "MEDIUM", 20),
                argumentSet("MEDIUM: OTHER AI alone", plain().employeeData().with(f -> f.aiFeatures = Set.of("OTHER")), "MEDIUM", 20));
    }
}
