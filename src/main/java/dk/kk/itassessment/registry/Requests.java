package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the registry's controllers share: ids in paths and the page parameters of lists. */
final class Requests {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Requests() {
    }

    /** The id in a path; one that is not a UUID names nothing, so it is 404 like an unknown one. */
    static UUID id(String id, String what) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw notFound(what, id);
        }
        return UUID.fromString(id);
    }

    static NotFound notFound(String what, Object id) {
        return new NotFound("There is no " + what + " with id " + id + ".");
    }

    /** {@code page} ≥ 0 (default 0), {@code size} 1–100 (default 20); a bad one is named in {@code fields}. */
    static Paging paging(Fields fields, String page, String size) {
        return new Paging(number(fields, "page", page, 0, 0, Integer.MAX_VALUE),
                number(fields, "size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    record Paging(int page, int size) {
    }

    private static int number(Fields fields, String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // rejected below
        }
        fields.reject(name, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return absent;
    }
}
