/**
 * The engine: reads, checks and compiles a rule set (DRL and decision tables, through the KIE API) and evaluates an
 * acquisition and its look-ups against it; no HTTP, no SQL.
 */
package dk.kk.itassessment.policy;
