package dk.kk.itassessment.cases;

import java.util.List;

/**
 * Cases were opened, each by an assessment stored in the same group commit (assessment.AssessmentsStored): one event
 * for all of them, published in the storing transaction, with everything a listener needs (the case and its
 * {@code OPENED} history entry), so that it need not read them back. Every later change of a case is a
 * {@link CaseChanged}.
 */
public record CasesOpened(List<Opening> cases) {

    public CasesOpened {
        cases = List.copyOf(cases);
    }

    /** One case as it was opened, and the history entry that says so. */
    public record Opening(CaseSummary summary, CaseSummary.Event opened) {
    }
}
