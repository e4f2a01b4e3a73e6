/**
 * The rule-set versions: drafts made from uploaded tables, their checks and impact, approval, activation (followed
 * by every instance) and the replay of stored assessments.
 */
package dk.kk.itassessment.rulesets;
