/**
 * Cases: every stored assessment opens one, and its checklist becomes work that reviewers and requesters tick off
 * until the acquisition is decided; the outcome reaches the registry, and a change of the policy is checked against
 * every open case. Listens to {@code assessment.AssessmentsStored} and {@code rulesets.ActiveVersionChanged};
 * publishes {@link dk.kk.itassessment.cases.CasesOpened} (the cases those assessments opened, together) and
 * {@link dk.kk.itassessment.cases.CaseChanged} (every later change of one case).
 */
package dk.kk.itassessment.cases;
