package dk.kk.itassessment.access;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The API keys' field rules: a name of 1–100 printable characters and a non-empty list of known roles. */
final class ApiKeyFields {

    static final int MAX_NAME = 100;
    private static final Set<String> KNOWN = Set.of("name", "roles");

    /** A valid request to create an API key. */
    record NewKey(String name, List<Role> roles) {
    }

    private ApiKeyFields() {
    }

    static NewKey newKey(JsonNode body) {
        AccountFields fields = new AccountFields();
        if (!body.isObject()) {
            fields.reject("$", "must be a JSON object");
            fields.throwIfAny();
        }
        for (String property : body.propertyNames()) {
            if (!KNOWN.contains(property)) {
                fields.reject(property, "is not a known property (known: name, roles)");
            }
        }
        String name = fields.text(body, "name");
        if (name != null && !validName(name)) {
            fields.reject("name", "1 to " + MAX_NAME + " characters, not only spaces, without control characters");
        }
        List<Role> roles = fields.roles(body.get("roles"), "roles");
        fields.throwIfAny();
        return new NewKey(name, roles);
    }

    /** The name becomes part of the caller's name ({@code api-key:<name>}) in the audit trail: printable only. */
    private static boolean validName(String name) {
        int length = name.codePointCount(0, name.length());
        return length >= 1 && length <= MAX_NAME && !name.isBlank() && name.codePoints().allMatch(cp -> switch (
                Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        });
    }
}
