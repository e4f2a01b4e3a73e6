/**
 * The fact types the rules match and make (an acquisition, its look-ups, the choices and the decision), named so
 * that the DRL and the tables can import them; used from outside by whoever hands the engine its facts.
 */
@NamedInterface("facts")
package dk.kk.itassessment.policy.facts;

import org.springframework.modulith.NamedInterface;
