package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.intake.AssessmentRequest;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One golden scenario, read and checked (decision-tables/scenarios/README.md).
 *
 * @param date     the day the assessment is made on: permissions and agreements run out relative to it
 * @param registry the suppliers and portfolio entries that exist for this scenario, and no others
 * @param expected the parts of the decision the scenario pins, by their names in the answer
 */
record Scenario(String story, LocalDate date, JsonNode registry, AssessmentRequest request,
                ObjectNode expected) {
}
