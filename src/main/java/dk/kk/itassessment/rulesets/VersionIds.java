package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Text;

/** A version's id as a path gives it: a whole number, or an unknown version (404) like any other. */
final class VersionIds {

    private VersionIds() {
    }

    static long number(String id) {
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // an unknown id, like any other
        }
        throw unknown(id);
    }

    static NotFound unknown(String id) {
        return new NotFound("No rule-set version with id " + shorten(id) + ".");
    }

    /** A client's text, echoed back in an error: at most 60 characters, nothing unprintable. */
    static String shorten(String value) {
        return Text.shorten(value, 60);
    }
}
