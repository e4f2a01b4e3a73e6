package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentView;
import dk.kk.itassessment.policy.Evaluation;
import java.util.List;

/**
 * The stored decision column of an assessment (the shape of {@code assessment_decision}: the codes, and the
 * checklist as parallel arrays in the answer's order), written with the row. It must equal {@code assessment_decision(answer::jsonb)} of the answer as
 * given (the view {@code assessment_answers}); the tests check it does. Null days are written as null, as that
 * function writes them.
 */
record DecisionColumn(String route, boolean newAcquisitionRequired, String securityReview, String riskTier,
                      boolean dpiaRequired, Integer estimatedProcessingDays, List<String> warnings,
                      List<String> checklist, List<String> responsible, List<String> phase, List<Boolean> mandatory) {

    static DecisionColumn of(AssessmentView view) {
        List<Evaluation.Item> items = view.checklist();
        return new DecisionColumn(view.route(), view.newAcquisitionRequired(), view.securityReview(),
                view.riskTier(), view.dpiaRequired(), view.estimatedProcessingDays(),
                view.warnings().stream().map(Evaluation.Warning::code).toList(),
                items.stream().map(Evaluation.Item::code).toList(),
                items.stream().map(Evaluation.Item::responsible).toList(),
                items.stream().map(Evaluation.Item::phase).toList(),
                items.stream().map(Evaluation.Item::mandatory).toList());
    }
}
