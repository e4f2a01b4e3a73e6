package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POLICY.md, "Route (first row that matches wins)": decision-tables/routes.drl.xlsx, sheet Routes. */
class RouteTableTests {

    @ParameterizedTest
    @MethodSource("rows")
    void eachRowChoosesItsRouteAndDays(Facts facts, String route, int row, Integer days) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(e.route()).isEqualTo(route);
        assertThat(e.estimatedProcessingDays()).isEqualTo(days);
        Evaluation.Explanation chosen = Outcome.chosenBy(e, "Routes");
        assertThat(chosen.rule()).isEqualTo("Routes_" + row);
        assertThat(chosen.source()).isEqualTo(Outcome.row("routes", "Routes", row));
        assertThat(chosen.text().da()).startsWith("Rute " + route + ": ").hasSizeGreaterThan(("Rute " + route + ": ").length());
        assertThat(chosen.text().en()).startsWith("Route " + route + ": ").hasSizeGreaterThan(("Route " + route + ": ").length());
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                argumentSet("1: not an IT system", plain().with(f -> f.kind = "HARDWARE_WITHOUT_SOFTWARE"),
                        "NOT_AN_IT_ACQUISITION", 14, 0),
                argumentSet("2: portfolio REFUSED", plain().with(f -> f.portfolio = "REFUSED"), "NOT_PERMITTED", 15, 0),
                argumentSet("2: portfolio REVOKED", plain().with(f -> f.portfolio = "REVOKED"), "NOT_PERMITTED", 15, 0),
                argumentSet("2: emotion recognition", plain().with(f -> f.aiFeatures = java.util.Set.of("EMOTION_RECOGNITION")),
                        "NOT_PERMITTED", 16, 0),
                argumentSet("2: emotion recognition even with a GRANTED portfolio entry",
                        plain().with(f -> { f.portfolio = "GRANTED"; f.aiFeatures = java.util.Set.of("EMOTION_RECOGNITION", "GENERATIVE"); }),
                        "NOT_PERMITTED", 16, 0),
                argumentSet("3: GRANTED, personal data, institution not connected: approval needed (5 days)",
                        plain().pupilData().with(f -> f.portfolio = "GRANTED"), "USE_EXISTING_PERMISSION", 17, 5),
                argumentSet("3: GRANTED, personal data, institution connected (0 days)",
                        plain().pupilData().with(f -> { f.portfolio = "GRANTED"; f.institutionConnected = true; }),
                        "USE_EXISTING_PERMISSION", 18, 0),
                argumentSet("3: GRANTED, no personal data (0 days)", plain().with(f -> f.portfolio = "GRANTED"),
                        "USE_EXISTING_PERMISSION", 18, 0),
                argumentSet("4: portfolio PENDING (no days)", plain().with(f -> f.portfolio = "PENDING"),
                        "AWAIT_PENDING_ACQUISITION", 19, null),
                argumentSet("5: ACTIVE agreement covering the solution",
                        plain().with(f -> { f.agreement = "ACTIVE"; f.covered = true; }), "DATA_AGREEMENT_REQUEST", 20, 10),
                argumentSet("6: ACTIVE agreement not covering the solution", plain().with(f -> f.agreement = "ACTIVE"),
                        "FAST_TRACK_ACQUISITION", 21, 30),
                argumentSet("7: EXPIRED agreement, even covering the solution",
                        plain().with(f -> { f.agreement = "EXPIRED"; f.covered = true; }), "FULL_ACQUISITION", 22, 60),
                argumentSet("7: portfolio EXPIRED", plain().with(f -> f.portfolio = "EXPIRED"), "FULL_ACQUISITION", 22, 60),
                argumentSet("7: otherwise", plain(), "FULL_ACQUISITION", 22, 60));
    }

    @ParameterizedTest
    @MethodSource("firstMatches")
    void theFirstRowThatMatchesWins(Facts facts, String route, int row) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(e.route()).isEqualTo(route);
        assertThat(Outcome.chosenBy(e, "Routes").rule()).isEqualTo("Routes_" + row);
    }

    static Stream<Arguments> firstMatches() {
        return Stream.of(
                argumentSet("not an IT system wins over REFUSED",
                        plain().with(f -> { f.kind = "HARDWARE_WITHOUT_SOFTWARE"; f.portfolio = "REFUSED"; }),
                        "NOT_AN_IT_ACQUISITION", 14),
                argumentSet("not an IT system wins over emotion recognition",
                        plain().with(f -> { f.kind = "HARDWARE_WITHOUT_SOFTWARE"; f.aiFeatures = java.util.Set.of("EMOTION_RECOGNITION"); }),
                        "NOT_AN_IT_ACQUISITION", 14),
                argumentSet("REFUSED wins over an ACTIVE agreement covering the solution",
                        plain().with(f -> { f.portfolio = "REFUSED"; f.agreement = "ACTIVE"; f.covered = true; }),
                        "NOT_PERMITTED", 15),
                argumentSet("REVOKED wins over an ACTIVE agreement",
                        plain().with(f -> { f.portfolio = "REVOKED"; f.agreement = "ACTIVE"; }), "NOT_PERMITTED", 15),
                argumentSet("GRANTED wins over an ACTIVE agreement covering the solution",
                        plain().with(f -> { f.portfolio = "GRANTED"; f.agreement = "ACTIVE"; f.covered = true; }),
                        "USE_EXISTING_PERMISSION", 18),
                argumentSet("PENDING wins over an ACTIVE agreement covering the solution",
                        plain().with(f -> { f.portfolio = "PENDING"; f.agreement = "ACTIVE"; f.covered = true; }),
                        "AWAIT_PENDING_ACQUISITION", 19),
                argumentSet("covered (5) wins over ACTIVE alone (6)",
                        plain().pupilData().with(f -> { f.agreement = "ACTIVE"; f.covered = true; }),
                        "DATA_AGREEMENT_REQUEST", 20));
    }

    @ParameterizedTest
    @MethodSource("noExemptions")
    void freeTrialRenewalAndKvantumTakeTheSameRouteAsAnythingElse(String route, Consumer<Facts> exemption) {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute(route).with(exemption));

        assertThat(e.route()).isEqualTo(route);
    }

    static Stream<Arguments> noExemptions() {
        return Outcome.ROUTES.stream().flatMap(route -> Stream.of(
                argumentSet(route + ", free", route, (Consumer<Facts>) f -> f.free = true),
                argumentSet(route + ", trial", route, (Consumer<Facts>) f -> f.purpose = "TRIAL"),
                argumentSet(route + ", renewal", route, (Consumer<Facts>) f -> f.purpose = "RENEWAL"),
                argumentSet(route + ", extend to institution", route, (Consumer<Facts>) f -> f.purpose = "EXTEND_TO_INSTITUTION"),
                argumentSet(route + ", through Kvantum", route, (Consumer<Facts>) f -> f.purchaseChannel = "KVANTUM"),
                argumentSet(route + ", free trial through Kvantum", route,
                        (Consumer<Facts>) f -> { f.free = true; f.purpose = "TRIAL"; f.purchaseChannel = "KVANTUM"; })));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aNewAcquisitionIsRequiredExactlyOnTheFastTrackAndTheFullRoute(String route) {
        Evaluation e = ShippedPolicy.evaluate(plain().onRoute(route));

        assertThat(e.route()).isEqualTo(route);
        assertThat(e.newAcquisitionRequired())
                .isEqualTo(route.equals("FAST_TRACK_ACQUISITION") || route.equals("FULL_ACQUISITION"));
    }

    static Stream<String> routes() {
        return Outcome.ROUTES.stream();
    }

    @Test
    void aNewAcquisitionIsExplainedByTheAssemblyRule() {
        Evaluation e = ShippedPolicy.evaluate(plain());

        assertThat(Outcome.line(e, "Decision: a new acquisition is required on the acquisition routes").source())
                .startsWith("rules/assembly/decision.drl, line ");
    }
}
