/**
 * Assess a request (intake, look-up, evaluate, store, answer), preview one, read the stored ones; publishes
 * {@link dk.kk.itassessment.assessment.AssessmentsStored} (those stored together, each an
 * {@link dk.kk.itassessment.assessment.AssessmentStored}) in the storing transaction for the modules that react to it.
 */
package dk.kk.itassessment.assessment;
