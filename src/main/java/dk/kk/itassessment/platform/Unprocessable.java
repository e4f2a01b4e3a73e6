package dk.kk.itassessment.platform;

import java.util.List;

/**
 * A well-formed request whose content is refused (422), with what was found: e.g. an uploaded table that is not a
 * plain workbook (macros, external links, a zip bomb). Nothing is stored.
 */
public class Unprocessable extends RuntimeException {

    private final List<?> errors;

    public Unprocessable(String detail, List<?> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<?> errors() {
        return errors;
    }
}
