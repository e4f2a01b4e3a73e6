package dk.kk.itassessment.platform;

/** A change that must name the version it was made against came without {@code If-Match} (428). */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired(String detail) {
        super(detail, null, false, false);
    }
}
