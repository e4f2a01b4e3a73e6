package dk.kk.itassessment.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Every bad field of what a client sent, collected before anything is answered, so that the 400 names them all at
 * once (CONTRACT.md "Errors"). Fields are named by their JSON path; {@link #at(String)} names those of a part (a CSV
 * line: {@code line 3: cvr}) into the same collection.
 */
public final class FieldErrors {

    private final String prefix;
    private final List<Problems.FieldError> errors;

    public FieldErrors() {
        this("", new ArrayList<>());
    }

    /** Collects into {@code errors} (shared with others collecting the parts of one file), named with {@code prefix}. */
    public FieldErrors(String prefix, List<Problems.FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The same collection, its fields named with {@code prefix} before them. */
    public FieldErrors at(String prefix) {
        return new FieldErrors(this.prefix + prefix, errors);
    }

    public void reject(String field, String message) {
        errors.add(new Problems.FieldError(prefix + field, message));
    }

    /** Whether {@code field} (of this part) was rejected already. */
    public boolean rejected(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<Problems.FieldError> list() {
        return List.copyOf(errors);
    }

    /** A 400 naming every field rejected so far, if any was. */
    public void throwIfAny() {
        throwIfAny("The request has " + errors.size() + " invalid field(s).");
    }

    public void throwIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(detail, List.copyOf(errors));
        }
    }
}
