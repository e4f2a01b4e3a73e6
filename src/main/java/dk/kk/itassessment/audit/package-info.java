/**
 * The tamper-evident audit trail: every change appended with who, when and what, chained by hashes, sealed soon
 * after its commit, and verifiable.
 */
package dk.kk.itassessment.audit;
