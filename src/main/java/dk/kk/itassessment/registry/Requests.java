package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.Paging;

import dk.kk.itassessment.platform.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;

/** What the registry's controllers share: ids in paths and the page parameters of lists. */
final class Requests {

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
        return Paging.of(page, size, fields::reject);
    }
}
