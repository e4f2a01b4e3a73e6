package dk.kk.itassessment.scenarios;

import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a scenario file the strict way requests are read (an officer's typo must not make a scenario pass
 * vacuously): every bad field is named at once, by its JSON path in the file ({@code request.solution.kind},
 * {@code expected.riskTeir}).
 */
@Component
class ScenarioReader {

    private static final List<String> TOP_LEVEL = List.of("story", "date", "registry", "request", "expected");
    private static final List<String> REGISTRY = List.of("suppliers", "portfolio");

    private final JsonBody json;
    private final RequestReader requests;

    ScenarioReader(JsonBody json, RequestReader requests) {
        this.json = json;
        this.requests = requests;
    }

    /** @throws InvalidRequest naming every bad field */
    Scenario read(byte[] bytes) {
        JsonNode root = json.read(bytes);
        List<FieldError> errors = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidRequest("$", "must be a JSON object");
        }
        known(root, "", TOP_LEVEL, errors);
        JsonNode story = root.get("story");
        if (story != null && !story.isString()) {
            errors.add(new FieldError("story", "must be a string"));
        }
        LocalDate date = date(root.get("date"), errors);
        JsonNode registry = root.get("registry");
        if (registry != null && !registry.isNull()) {
            if (registry.isObject()) {
                known(registry, "registry.", REGISTRY, errors);
            } else {
                errors.add(new FieldError("registry", "must be an object with suppliers and portfolio"));
            }
        }
        AssessmentRequest request = request(root.get("request"), errors);
        JsonNode expected = root.get("expected");
        if (expected == null || !expected.isObject() || expected.isEmpty()) {
            errors.add(new FieldError("expected", "must be an object naming at least one part of the decision"));
        } else {
            known(expected, "expected.", DecisionParts.NAMES, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The scenario has " + errors.size() + " invalid field(s).", errors);
        }
        return new Scenario(story == null ? null : story.asString(), date, registry, request,
                (ObjectNode) expected);
    }

    private AssessmentRequest request(JsonNode request, List<FieldError> errors) {
        if (request == null || request.isNull()) {
            errors.add(new FieldError("request", "is required: the request as the intake form posts it"));
            return null;
        }
        try {
            return requests.read(request);
        } catch (InvalidRequest e) {
            e.errors().forEach(error -> errors.add(new FieldError(
                    error.field().equals("$") ? "request" : "request." + error.field(), error.message())));
            return null;
        }
    }

    private static LocalDate date(JsonNode date, List<FieldError> errors) {
        if (date != null && date.isString()) {
            try {
                return LocalDate.parse(date.asString());
            } catch (DateTimeParseException e) {
                // rejected below
            }
        }
        errors.add(new FieldError("date", "is required: the day the assessment is made, YYYY-MM-DD"));
        return null;
    }

    private static void known(JsonNode object, String path, List<String> known, List<FieldError> errors) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(path + name, "is not a known property; known here: " + String.join(", ", known)));
            }
        }
    }
}
