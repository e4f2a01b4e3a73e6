/**
 * The request to assess, as a record, and its validation: every bad field named at once, before anything else is
 * done with it.
 */
package dk.kk.itassessment.intake;
