package dk.kk.itassessment.platform;

/**
 * A known caller whose roles let them call the operation, but not on this thing (403): e.g. a requester ticking an
 * item that the Digitalisation Office is responsible for.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail, null, false, false);
    }
}
