package dk.kk.itassessment.assessment;

import java.util.List;

/**
 * Assessments were stored together (one group commit of the assessment store, bench/README.md): one event for all of
 * them, published in the transaction that stores them, so that a listener writes what it writes for all of them at
 * once (a statement per batch, not per assessment). A listener that throws rolls every one of them back; the store
 * then stores each on its own, so that only the assessment the listener refused fails. In the order they were stored.
 */
public record AssessmentsStored(List<AssessmentStored> assessments) {

    public AssessmentsStored {
        assessments = List.copyOf(assessments);
    }
}
