package dk.kk.itassessment.platform;

/** The named resource does not exist (404). */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}
