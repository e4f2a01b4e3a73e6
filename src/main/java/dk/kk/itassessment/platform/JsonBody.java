package dk.kk.itassessment.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body (or a scenario file) as JSON the strict way: valid UTF-8 only, no NUL characters anywhere, no
 * duplicate keys, within {@link JsonLimits}. Each problem is a client's mistake (400 naming the field or the limit),
 * never a 5xx; a document past the limits is logged in one line, without its content.
 */
@Component
public class JsonBody {

    private static final Logger log = LoggerFactory.getLogger(JsonBody.class);

    private final JsonMapper strict;

    public JsonBody(JsonMapper json) {
        this.strict = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    public JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The body is not valid UTF-8.", List.of(
                    new Problems.FieldError("$", "the body must be UTF-8 encoded")));
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidRequest("The body contains a NUL character.", List.of(
                    new Problems.FieldError("$", "NUL characters are not allowed")));
        }
        JsonNode node;
        try (JsonParser parser = strict.createParser(text)) {
            node = tree(parser);
        } catch (JacksonException e) {
            throw new InvalidRequest("The body is not well-formed JSON.", List.of(
                    new Problems.FieldError("$", "malformed JSON" + at(e.getLocation()))));
        }
        if (node == null || node.isMissingNode()) {
            throw empty();
        }
        return node;
    }

    /** The one document of the text; a second one after it is malformed, as when read from the text at once. */
    private JsonNode tree(JsonParser parser) {
        try {
            JsonNode node = strict.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new InvalidRequest("The body is not well-formed JSON.", List.of(new Problems.FieldError("$",
                        "malformed JSON: more after the document" + at(parser.currentTokenLocation()))));
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e, parser);
        }
    }

    private static InvalidRequest beyondLimits(StreamConstraintsException e, JsonParser parser) {
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase(Locale.ROOT);
        TokenStreamContext context = parser.streamReadContext();
        String field = field(context);
        String message;
        if (what.contains("nesting")) {
            field = "$";
            message = "nests arrays and objects deeper than " + JsonLimits.MAX_DEPTH + " levels";
        } else if (what.contains("number")) {
            message = "is a number of more than " + JsonLimits.MAX_NUMBER_LENGTH + " characters";
        } else if (what.contains("name")) {
            field = field(context.inObject() ? context.getParent() : context);
            message = "has a property name of more than " + JsonLimits.MAX_NAME_LENGTH + " characters";
        } else if (what.contains("string")) {
            message = "is a string of more than " + JsonLimits.MAX_STRING_LENGTH + " characters";
        } else {
            field = "$";
            message = "is larger than this service reads";
        }
        message += at(parser.currentLocation());
        log.info("Refused a JSON document: {} {}", Text.printable(field), message);
        return new InvalidRequest("The body is beyond the limits of a JSON document here.",
                List.of(new Problems.FieldError(field, message)));
    }

    /** The JSON path of the value being read, as RequestReader names fields: {@code personalData.subjects[1]}. */
    static String field(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.currentName());
            }
        }
        return parts.isEmpty() ? "$" : String.join("", parts);
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidRequest empty() {
        return new InvalidRequest("The body is empty.", List.of(new Problems.FieldError("$", "a JSON object is required")));
    }
}
