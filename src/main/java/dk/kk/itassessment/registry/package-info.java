/**
 * The portfolio (FISKK: the solutions the municipality has decided on) and the suppliers with their agreements; the
 * look-ups an assessment makes in them, from a versioned copy held in memory.
 */
package dk.kk.itassessment.registry;
