package dk.kk.itassessment.assessment;

import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.util.UUID;

/**
 * An assessment was stored, with what its case needs to open; published as one of an {@link AssessmentsStored}, in
 * the transaction that stores it: a listener ({@code @EventListener}) that throws rolls the assessment back, so a 201
 * means the listener's work is done too. {@code submitter} is the caller's user name (an account or an API key's name).
 */
public record AssessmentStored(UUID assessmentId, String caseNumber, Instant storedAt, String submitter,
                               AssessmentRequest request, Evaluation evaluation) {
}
