package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.TODAY;
import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POLICY.md, "Warnings": decision-tables/warnings.drl.xlsx, sheet Warnings (every row that matches). */
class WarningTableTests {

    @ParameterizedTest
    @MethodSource("raised")
    void eachRowRaisesItsWarningWhenItHolds(Facts facts, String code, int row) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        Evaluation.Warning warning = Outcome.warning(e, code);
        assertThat(warning.rule()).isEqualTo("Warnings_" + row);
        assertThat(warning.message().da()).isNotBlank();
        assertThat(warning.message().en()).isNotBlank();
        Evaluation.Explanation line = Outcome.line(e, "Warnings_" + row);
        assertThat(line.source()).isEqualTo(Outcome.row("warnings", "Warnings", row));
        assertThat(line.text().en()).isEqualTo("Warning " + code + ": " + warning.message().en());
    }

    static Stream<Arguments> raised() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String route : new String[] {"NOT_PERMITTED", "AWAIT_PENDING_ACQUISITION", "DATA_AGREEMENT_REQUEST",
                "FAST_TRACK_ACQUISITION", "FULL_ACQUISITION"}) {
            cases.add(argumentSet("free on " + route, plain().onRoute(route).with(f -> f.free = true), "FREE_STILL_REQUIRES_APPROVAL", 12));
            cases.add(argumentSet("Kvantum on " + route, plain().onRoute(route).with(f -> f.purchaseChannel = "KVANTUM"), "KVANTUM_IS_NOT_PERMISSION", 14));
            cases.add(argumentSet("trial on " + route, plain().onRoute(route).with(f -> f.purpose = "TRIAL"), "TRIAL_REQUIRES_APPROVAL", 15));
            cases.add(argumentSet("in use on " + route, plain().onRoute(route).with(f -> f.inUse = true), "USED_BEFORE_PERMISSION", 16));
        }
        return Stream.concat(cases.build(), Stream.of(
                argumentSet("hardware with software", plain().with(f -> f.kind = "HARDWARE_WITH_SOFTWARE"), "HARDWARE_CONTAINS_SOFTWARE", 13),
                argumentSet("hardware with software, already permitted",
                        plain().onRoute("USE_EXISTING_PERMISSION").with(f -> f.kind = "HARDWARE_WITH_SOFTWARE"), "HARDWARE_CONTAINS_SOFTWARE", 13),
                argumentSet("purchased", plain().with(f -> f.purchased = true), "USED_BEFORE_PERMISSION", 16),
                argumentSet("contract signed", plain().with(f -> f.contractSigned = true), "USED_BEFORE_PERMISSION", 16),
                argumentSet("in use", plain().with(f -> f.inUse = true), "USED_BEFORE_PERMISSION", 16),
                argumentSet("portfolio EXPIRED", plain().with(f -> f.portfolio = "EXPIRED"), "PERMISSION_EXPIRED", 17),
                argumentSet("GRANTED past its end date", plain().with(f -> {
                    f.portfolio = "GRANTED";
                    f.permissionValidUntil = TODAY.minusDays(1);
                }), "PERMISSION_EXPIRED", 17),
                argumentSet("agreement EXPIRED", plain().with(f -> f.agreement = "EXPIRED"), "SUPPLIER_AGREEMENT_EXPIRED", 18),
                argumentSet("ACTIVE agreement past its end date", plain().with(f -> {
                    f.agreement = "ACTIVE";
                    f.agreementValidUntil = TODAY.minusDays(30);
                }), "SUPPLIER_AGREEMENT_EXPIRED", 18),
                argumentSet("emotion recognition", plain().with(f -> f.aiFeatures = Set.of("EMOTION_RECOGNITION")), "PROHIBITED_AI_PRACTICE", 19),
                argumentSet("personal data for the supplier's own purposes",
                        plain().employeeData().with(f -> f.supplierOwnPurposes = true), "SUPPLIER_OWN_PURPOSES", 20),
                argumentSet("an alternative on the full route", plain().with(f -> f.alternatives = 1), "SIMILAR_SOLUTION_EXISTS", 21),
                argumentSet("alternatives on the fast track",
                        plain().onRoute("FAST_TRACK_ACQUISITION").with(f -> f.alternatives = 3), "SIMILAR_SOLUTION_EXISTS", 21)));
    }

    @ParameterizedTest
    @MethodSource("notRaised")
    void noRowRaisesItsWarningWhenItDoesNotHold(Facts facts, String code) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(Outcome.warnings(e)).doesNotContain(code);
    }

    static Stream<Arguments> notRaised() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String route : new String[] {"USE_EXISTING_PERMISSION", "NOT_AN_IT_ACQUISITION"}) {
            cases.add(argumentSet("free on " + route, plain().onRoute(route).with(f -> f.free = true), "FREE_STILL_REQUIRES_APPROVAL"));
            cases.add(argumentSet("Kvantum on " + route, plain().onRoute(route).with(f -> f.purchaseChannel = "KVANTUM"), "KVANTUM_IS_NOT_PERMISSION"));
            cases.add(argumentSet("trial on " + route, plain().onRoute(route).with(f -> f.purpose = "TRIAL"), "TRIAL_REQUIRES_APPROVAL"));
            cases.add(argumentSet("purchased on " + route, plain().onRoute(route).with(f -> f.purchased = true), "USED_BEFORE_PERMISSION"));
            cases.add(argumentSet("contract signed on " + route, plain().onRoute(route).with(f -> f.contractSigned = true), "USED_BEFORE_PERMISSION"));
            cases.add(argumentSet("in use on " + route, plain().onRoute(route).with(f -> f.inUse = true), "USED_BEFORE_PERMISSION"));
        }
        for (String route : new String[] {"NOT_AN_IT_ACQUISITION", "NOT_PERMITTED", "USE_EXISTING_PERMISSION",
                "AWAIT_PENDING_ACQUISITION", "DATA_AGREEMENT_REQUEST"}) {
            cases.add(argumentSet("an alternative on " + route, plain().onRoute(route).with(f -> f.alternatives = 1), "SIMILAR_SOLUTION_EXISTS"));
        }
        return Stream.concat(cases.build(), Stream.of(
                argumentSet("not free", plain(), "FREE_STILL_REQUIRES_APPROVAL"),
                argumentSet("an app", plain(), "HARDWARE_CONTAINS_SOFTWARE"),
                argumentSet("hardware without software", plain().with(f -> f.kind = "HARDWARE_WITHOUT_SOFTWARE"), "HARDWARE_CONTAINS_SOFTWARE"),
                argumentSet("bought from the supplier", plain(), "KVANTUM_IS_NOT_PERMISSION"),
                argumentSet("a renewal", plain().with(f -> f.purpose = "RENEWAL"), "TRIAL_REQUIRES_APPROVAL"),
                argumentSet("neither purchased, signed nor in use", plain(), "USED_BEFORE_PERMISSION"),
                argumentSet("GRANTED", plain().with(f -> f.portfolio = "GRANTED"), "PERMISSION_EXPIRED"),
                argumentSet("GRANTED until today", plain().with(f -> {
                    f.portfolio = "GRANTED";
                    f.permissionValidUntil = TODAY;
                }), "PERMISSION_EXPIRED"),
                argumentSet("nothing in the portfolio", plain(), "PERMISSION_EXPIRED"),
                argumentSet("ACTIVE agreement", plain().with(f -> f.agreement = "ACTIVE"), "SUPPLIER_AGREEMENT_EXPIRED"),
                argumentSet("no agreement", plain(), "SUPPLIER_AGREEMENT_EXPIRED"),
                argumentSet("other AI features", plain().with(f -> f.aiFeatures = Set.of("GENERATIVE", "GRADING", "ADAPTIVE_LEARNING",
                        "PROCTORING", "OTHER")), "PROHIBITED_AI_PRACTICE"),
                argumentSet("own purposes without personal data", plain().with(f -> f.supplierOwnPurposes = true), "SUPPLIER_OWN_PURPOSES"),
                argumentSet("personal data, not for own purposes", plain().employeeData(), "SUPPLIER_OWN_PURPOSES"),
                argumentSet("no alternative on the full route", plain(), "SIMILAR_SOLUTION_EXISTS"),
                argumentSet("no alternative on the fast track", plain().onRoute("FAST_TRACK_ACQUISITION"), "SIMILAR_SOLUTION_EXISTS")));
    }

    @Test
    void thePlainCaseRaisesNoWarning() {
        assertThat(ShippedPolicy.evaluate(plain()).warnings()).isEmpty();
    }

    @Test
    void everyWarningHoldsACodeTwoMessagesAndItsRow() {
        Evaluation e = ShippedPolicy.evaluate(plain().employeeData().with(f -> {
            f.kind = "HARDWARE_WITH_SOFTWARE";
            f.free = true;
            f.purchaseChannel = "KVANTUM";
            f.purpose = "TRIAL";
            f.inUse = true;
            f.supplierOwnPurposes = true;
            f.agreement = "EXPIRED";
            f.alternatives = 2;
        }));

        assertThat(Outcome.warnings(e)).containsExactlyInAnyOrder("FREE_STILL_REQUIRES_APPROVAL",
                "HARDWARE_CONTAINS_SOFTWARE", "KVANTUM_IS_NOT_PERMISSION", "TRIAL_REQUIRES_APPROVAL",
                "USED_BEFORE_PERMISSION", "SUPPLIER_AGREEMENT_EXPIRED", "SUPPLIER_OWN_PURPOSES",
                "SIMILAR_SOLUTION_EXISTS");
        assertThat(e.warnings()).allSatisfy(w -> {
            assertThat(w.message().da()).isNotBlank();
            assertThat(w.message().en()).isNotBlank();
            assertThat(w.message().da()).isNotEqualTo(w.message().en());
            assertThat(w.rule()).matches("Warnings_\\d+");
            assertThat(Outcome.line(e, w.rule()).source()).startsWith("decision-tables/warnings.drl.xlsx, sheet Warnings, row ");
        });
    }
}
