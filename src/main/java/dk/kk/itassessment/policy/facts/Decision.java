package dk.kk.itassessment.policy.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision as the assembly rules (rules/assembly) put it together from what the tables concluded. The engine
 * inserts it empty and reads it after the last phase; {@link #getProblems()} lists what a broken rule set failed
 * to conclude (no route, two routes), which the engine refuses to answer with.
 */
public final class Decision {

    private RouteChoice route;
    private RiskTierChoice riskTier;
    private ReviewChoice review;
    private boolean newAcquisitionRequired;
    private Integer estimatedProcessingDays;
    private final List<Warning> warnings = new ArrayList<>();
    private final List<ChecklistItem> checklist = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public RouteChoice getRoute() { return route; }
    public void setRoute(RouteChoice route) { this.route = route; }
    public RiskTierChoice getRiskTier() { return riskTier; }
    public void setRiskTier(RiskTierChoice riskTier) { this.riskTier = riskTier; }
    public ReviewChoice getReview() { return review; }
    public void setReview(ReviewChoice review) { this.review = review; }
    public boolean isNewAcquisitionRequired() { return newAcquisitionRequired; }
    public void setNewAcquisitionRequired(boolean required) { this.newAcquisitionRequired = required; }
    public Integer getEstimatedProcessingDays() { return estimatedProcessingDays; }
    public void setEstimatedProcessingDays(Integer days) { this.estimatedProcessingDays = days; }
    public List<Warning> getWarnings() { return List.copyOf(warnings); }
    public List<ChecklistItem> getChecklist() { return List.copyOf(checklist); }
    public List<String> getProblems() { return List.copyOf(problems); }

    public void addWarning(Warning warning) {
        if (warnings.stream().noneMatch(w -> w.getCode().equals(warning.getCode()))) {
            warnings.add(warning);
        }
    }

    /** No code appears twice: a second row putting the same code on the list is a table error. */
    public void addChecklistItem(ChecklistItem item) {
        for (ChecklistItem first : checklist) {
            if (first.getCode().equals(item.getCode())) {
                problem("Checklist item " + item.getCode() + " put on the list by both " + first.getRule() + " and "
                        + item.getRule());
                return;
            }
        }
        checklist.add(item);
    }

    public void problem(String problem) {
        problems.add(problem);
    }
}
