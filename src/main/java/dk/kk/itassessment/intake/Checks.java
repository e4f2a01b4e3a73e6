package dk.kk.itassessment.intake;

import dk.kk.itassessment.platform.FieldErrors;
import dk.kk.itassessment.platform.Problems.FieldError;
import dk.kk.itassessment.platform.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads values out of a JSON tree by hand, collecting every problem with its JSON path instead of stopping at the
 * first. Each reading method answers the value, or {@code null} when it is absent (JSON {@code null} counts as
 * absent) or wrong; what is wrong is in {@link #errors()}.
 */
final class Checks {

    /** A JSON object being read, and its path in the request ({@code ""} for the top level). */
    record Obj(JsonNode node, String path) {

        /** The property's value, or {@code null} when it is absent or JSON {@code null}. */
        JsonNode value(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    private final FieldErrors errors = new FieldErrors();

    List<FieldError> errors() {
        return errors.list();
    }

    void reject(String field, String message) {
        errors.reject(field, message);
    }

    /** The top level, which must be an object with only the known properties. */
    Obj root(JsonNode tree, List<String> known) {
        if (tree == null || !tree.isObject()) {
            reject("$", "must be a JSON object");
            return null;
        }
        return known(new Obj(tree, ""), known);
    }

    Obj requiredObject(Obj parent, String name, List<String> known) {
        return object(parent, name, true, known);
    }

    Obj optionalObject(Obj parent, String name, List<String> known) {
        return object(parent, name, false, known);
    }

    /** A required one-line text (a name): no line breaks, no invisible characters. */
    String requiredText(Obj parent, String name, int max) {
        return text(parent, name, true, max, true);
    }

    /** An optional one-line text. */
    String optionalText(Obj parent, String name, int max) {
        return text(parent, name, false, max, true);
    }

    /** An optional text of one or more lines (a description). */
    String optionalLines(Obj parent, String name, int max) {
        return text(parent, name, false, max, false);
    }

    Boolean requiredBoolean(Obj parent, String name) {
        return bool(parent, name, true);
    }

    /** An optional boolean, {@code false} when absent. */
    boolean optionalBoolean(Obj parent, String name) {
        return Boolean.TRUE.equals(bool(parent, name, false));
    }

    <E extends Enum<E>> E requiredEnum(Obj parent, String name, Class<E> type) {
        return enumValue(parent, name, true, type);
    }

    <E extends Enum<E>> E optionalEnum(Obj parent, String name, Class<E> type) {
        return enumValue(parent, name, false, type);
    }

    /** An optional array of enum values without repeats; the valid ones in the order given. */
    <E extends Enum<E>> List<E> enumList(Obj parent, String name, Class<E> type) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            reject(field, "must be an array of " + allowed(type));
            return null;
        }
        List<E> result = new ArrayList<>();
        Set<E> seen = EnumSet.noneOf(type);
        for (int i = 0; i < value.size(); i++) {
            E element = enumOf(value.get(i), field + "[" + i + "]", type);
            if (element != null && !seen.add(element)) {
                reject(field + "[" + i + "]", "repeats " + element.name());
            } else if (element != null) {
                result.add(element);
            }
        }
        return result;
    }

    /** An optional number from 0 to {@code max}. */
    BigDecimal optionalNumber(Obj parent, String name, BigDecimal max) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValueOpt().orElse(null) : null;
        if (number == null) {
            reject(field, "must be a number");
            return null;
        }
        if (number.signum() < 0 || number.compareTo(max) > 0) {
            reject(field, "must be between 0 and " + max.toPlainString());
            return null;
        }
        return number;
    }

    /** An optional whole number from 0 to {@code max} ({@code 25.0} counts as whole, {@code 2.5} does not). */
    Integer optionalInteger(Obj parent, String name, int max) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValueOpt().orElse(null) : null;
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            reject(field, "must be a whole number");
            return null;
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            reject(field, "must be between 0 and " + max);
            return null;
        }
        return number.intValueExact();
    }

    private Obj object(Obj parent, String name, boolean required, List<String> known) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be a JSON object");
            return null;
        }
        return known(new Obj(value, field), known);
    }

    private Obj known(Obj obj, List<String> known) {
        for (String name : obj.node().propertyNames()) {
            if (!known.contains(name)) {
                reject(obj.at(Text.printable(name)), "is not a known property; known here: " + String.join(", ", known));
            }
        }
        return obj;
    }

    /** Text is stored stripped of surrounding white space; its length is counted in characters (code points). */
    private String text(Obj parent, String name, boolean required, int max, boolean oneLine) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.stringValue().strip();
        if (text.isEmpty()) {
            if (required) {
                reject(field, "must not be blank");
            }
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            reject(field, "must be at most " + max + " characters (it has " + length + ")");
            return null;
        }
        String forbidden = oneLine ? Text.forbiddenInLine(text) : Text.forbiddenCharacter(text);
        if (forbidden != null) {
            reject(field, forbidden);
            return null;
        }
        return text;
    }

    private Boolean bool(Obj parent, String name, boolean required) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            if (required) {
                reject(field, "is required (true or false)");
            }
            return null;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    private <E extends Enum<E>> E enumValue(Obj parent, String name, boolean required, Class<E> type) {
        JsonNode value = parent.value(name);
        String field = parent.at(name);
        if (value == null) {
            if (required) {
                reject(field, "is required: " + allowed(type));
            }
            return null;
        }
        return enumOf(value, field, type);
    }

    private <E extends Enum<E>> E enumOf(JsonNode value, String field, Class<E> type) {
        if (value != null && value.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.stringValue())) {
                    return constant;
                }
            }
        }
        reject(field, "must be " + allowed(type));
        return null;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
