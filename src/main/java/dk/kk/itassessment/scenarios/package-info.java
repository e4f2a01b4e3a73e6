/**
 * The golden scenarios: requests with the decision the policy must give them, run against a rule set before it may
 * become active.
 */
package dk.kk.itassessment.scenarios;
