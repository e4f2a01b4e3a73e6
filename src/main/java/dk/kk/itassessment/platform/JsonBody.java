package dk.kk.itassessment.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as JSON the strict way: valid UTF-8 only, no NUL characters anywhere, no duplicate keys.
 * Each problem is a client's mistake (400), never a 5xx.
 */
@Component
public class JsonBody {

    private final JsonMapper strict;

    public JsonBody(JsonMapper json) {
        this.strict = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    public JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequest("The body is empty.", java.util.List.of(
                    new Problems.FieldError("$", "a JSON object is required")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The body is not valid UTF-8.", java.util.List.of(
                    new Problems.FieldError("$", "the body must be UTF-8 encoded")));
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidRequest("The body contains a NUL character.", java.util.List.of(
                    new Problems.FieldError("$", "NUL characters are not allowed")));
        }
        try {
            JsonNode node = strict.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequest("The body is empty.", java.util.List.of(
                        new Problems.FieldError("$", "a JSON object is required")));
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidRequest("The body is not well-formed JSON.", java.util.List.of(
                    new Problems.FieldError("$", "malformed JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        }
    }
}
