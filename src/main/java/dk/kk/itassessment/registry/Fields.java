package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.Cvr;
import dk.kk.itassessment.platform.FieldErrors;
import dk.kk.itassessment.platform.Problems.FieldError;
import dk.kk.itassessment.platform.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The registry's field rules, collecting every bad field before anything is answered. Fields are named by their
 * JSON path, or for a CSV line by {@code line 3: cvr} (the {@code prefix}).
 */
final class Fields {

    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 500;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final FieldErrors errors;

    Fields(String prefix, List<FieldError> errors) {
        this.errors = new FieldErrors(prefix, errors);
    }

    Fields() {
        this("", new ArrayList<>());
    }

    void reject(String field, String message) {
        errors.reject(field, message);
    }

    boolean rejected(String field) {
        return errors.rejected(field);
    }

    void throwIfAny() {
        errors.throwIfAny();
    }

    // --- the rules; a null value is absent (or was already rejected for its type) ---

    /** Required one-line text, 1–200 characters once trimmed; answered trimmed. */
    String requiredText(String field, String value) {
        if (value == null) {
            if (!rejected(field)) {
                reject(field, "is required (1–" + MAX_TEXT + " characters)");
            }
            return null;
        }
        return text(field, value);
    }

    private String text(String field, String value) {
        String forbidden = Text.forbiddenInLine(value);
        if (forbidden != null) {
            reject(field, forbidden);
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length == 0 || Names.normalise(trimmed).isEmpty()) {
            reject(field, "must not be blank (1–" + MAX_TEXT + " characters)");
            return null;
        }
        if (length > MAX_TEXT) {
            reject(field, "must be at most " + MAX_TEXT + " characters (is " + length + ")");
            return null;
        }
        return trimmed;
    }

    /** Optional CVR: 8 digits, the first not 0, modulus 11. */
    String cvr(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!Cvr.isValid(value)) {
            reject(field, "must be a CVR number: 8 digits, the first not 0, passing the modulus-11 check");
            return null;
        }
        return value;
    }

    /** Required, one of {@code allowed}. */
    String oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            if (!rejected(field)) {
                reject(field, "is required: one of " + String.join(", ", allowed));
            }
            return null;
        }
        if (!allowed.contains(value)) {
            reject(field, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    /** Optional date, {@code YYYY-MM-DD}. */
    LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the rejection
            }
        }
        reject(field, "must be a date YYYY-MM-DD");
        return null;
    }

    /**
     * A list of names, each 1–200 characters, at most 500; answered trimmed, without repeats (compared as names
     * are) and without any name in {@code excluded} (normalised).
     */
    List<String> names(String field, List<String> values, Set<String> excluded) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS) {
            reject(field, "must have at most " + MAX_ITEMS + " items (has " + values.size() + ")");
            return List.of();
        }
        Set<String> seen = new HashSet<>(excluded);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String item = field + "[" + i + "]";
            if (values.get(i) == null) {
                continue; // rejected for its type
            }
            String name = text(item, values.get(i));
            if (name != null && seen.add(Names.normalise(name))) {
                names.add(name);
            }
        }
        return names;
    }

    // --- reading JSON: an object with only the allowed properties, strings, lists of strings ---

    /** The body must be an object with no property outside {@code allowed}. */
    boolean object(JsonNode body, List<String> allowed) {
        if (body == null || !body.isObject()) {
            reject("$", "must be a JSON object");
            return false;
        }
        for (String property : body.propertyNames()) {
            if (!allowed.contains(property)) {
                reject(Text.printable(property), "is not a known property; allowed are " + String.join(", ", allowed));
            }
        }
        return true;
    }

    /** A string property; null when absent, null, or not a string (then rejected). */
    String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    /** A list of strings; null when absent or null; an item that is not a string is rejected and read as null. */
    List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            reject(field, "must be an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : value.values()) {
            if (item.isString()) {
                items.add(item.stringValue());
            } else {
                reject(field + "[" + i + "]", "must be a string");
                items.add(null);
            }
            i++;
        }
        return items;
    }

    // --- reading CSV cells: empty is absent, lists separated by | ---

    static String cell(String value) {
        return value.isEmpty() ? null : value;
    }

    static List<String> cells(String value) {
        return value.isEmpty() ? null : List.of(value.split("\\|", -1));
    }
}
