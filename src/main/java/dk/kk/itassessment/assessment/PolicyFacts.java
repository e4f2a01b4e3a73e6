package dk.kk.itassessment.assessment;

import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.Lookups;
import dk.kk.itassessment.registry.Matches;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request as the rules see it: enum names as text, lists as sets, absent numbers as 0. Public so that the golden
 * scenarios turn a request into the very facts an assessment does.
 */
public final class PolicyFacts {

    private PolicyFacts() {
    }

    public static Acquisition acquisition(AssessmentRequest r) {
        var data = r.personalData();
        return new Acquisition(
                r.requester().role().name(),
                r.requester().institutionType().name(),
                r.solution().kind().name(),
                r.solution().category().name(),
                r.purpose().name(),
                r.cost().free(),
                r.cost().purchaseChannel().name(),
                data.processed(),
                names(data.subjects()),
                names(data.categories()),
                data.location() == null ? null : data.location().name(),
                data.supplierOwnPurposes(),
                r.status().purchased(),
                r.status().contractSigned(),
                r.status().inUse(),
                r.users() == null ? 0 : r.users(),
                names(r.solution().aiFeatures()));
    }

    /** A look-up made on {@code today}, as the rules see it. */
    public static Lookups lookups(Matches matches, LocalDate today) {
        return RecordedMatches.of(matches, today).facts();
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
