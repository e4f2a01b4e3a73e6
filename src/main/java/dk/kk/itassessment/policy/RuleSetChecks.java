package dk.kk.itassessment.policy;

import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.Lookups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What must hold of any rule set, whatever an officer sets (POLICY.md, "Estimated processing days"): for the same
 * data, DATA_AGREEMENT_REQUEST &lt; FAST_TRACK_ACQUISITION &lt; FULL_ACQUISITION. Checked by evaluating the three
 * routes' typical look-ups for a few kinds of data, before the rule set is used.
 */
public final class RuleSetChecks {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private RuleSetChecks() {
    }

    /** Throws {@link RuleSetRejected} naming what does not hold, in Danish and English. */
    public static void verify(RuleSet ruleSet) {
        PolicyEngine engine = new PolicyEngine(ruleSet);
        List<Finding> problems = new ArrayList<>();
        for (Acquisition data : List.of(
                acquisition(false, Set.of(), Set.of(), null),
                acquisition(true, Set.of("PUPILS"), Set.of("CONTACT"), "DENMARK"),
                acquisition(true, Set.of("PUPILS"), Set.of("WELLBEING"), "OTHER_THIRD_COUNTRY"))) {
            Evaluation dataAgreement = engine.evaluate(ruleSet, data, lookups("ACTIVE", true));
            Evaluation fastTrack = engine.evaluate(ruleSet, data, lookups("ACTIVE", false));
            Evaluation full = engine.evaluate(ruleSet, data, lookups("NONE", false));
            if (!dataAgreement.route().equals("DATA_AGREEMENT_REQUEST") || !fastTrack.route().equals("FAST_TRACK_ACQUISITION")
                    || !full.route().equals("FULL_ACQUISITION")) {
                continue; // the routes themselves changed: the scenario tests speak to that
            }
            Integer a = dataAgreement.estimatedProcessingDays();
            Integer b = fastTrack.estimatedProcessingDays();
            Integer c = full.estimatedProcessingDays();
            if (a == null || b == null || c == null || a >= b || b >= c) {
                String days = Objects.toString(a) + ", " + Objects.toString(b);
                String sources = source(dataAgreement) + "; " + source(fastTrack) + "; " + source(full);
                String order = "DATA_AGREEMENT_REQUEST < FAST_TRACK_ACQUISITION < FULL_ACQUISITION";
                problems.add(Finding.of(null, null,
                        "Forventede sagsbehandlingsdage skal være " + order + " for de samme data; med "
                                + describeDa(data) + " er de " + days + " og " + Objects.toString(c) + " ("
                                + sources.replace(", sheet ", ", ark ").replace(", row ", ", række ")
                                .replace(", line ", ", linje ").replace("no route row", "ingen ruterække") + ")",
                        "Estimated processing days must be " + order + " for the same data; with " + describe(data)
                                + " they are " + days + " and " + Objects.toString(c) + " (" + sources + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw RuleSetRejected.because(problems);
        }
    }

    private static Acquisition acquisition(boolean personalData, Set<String> subjects, Set<String> categories, String location) {
        return new Acquisition("TEACHER", "SCHOOL", "WEB_SERVICE", "TEACHING", "NEW_USE", false, "SUPPLIER",
                personalData, subjects, categories, location, false, false, false, false, 25, Set.of());
    }

    private static Lookups lookups(String agreement, boolean covered) {
        return new Lookups("NONE", null, false, agreement, null, covered, 0, DAY);
    }

    /** Where the route (and so its days) came from. */
    private static String source(Evaluation evaluation) {
        return evaluation.explanation().stream().filter(e -> e.text().en().startsWith("Route "))
                .map(Evaluation.Explanation::source).findFirst().orElse("no route row");
    }

    private static String describeDa(Acquisition data) {
        return data.isPersonalData() ? "personoplysninger " + data.getDataCategories() + " opbevaret i " + data.getLocation()
                : "ingen personoplysninger";
    }

    private static String describe(Acquisition data) {
        return data.isPersonalData() ? "personal data " + data.getDataCategories() + " kept in " + data.getLocation()
                : "no personal data";
    }
}
