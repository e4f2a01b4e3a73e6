package dk.kk.itassessment.platform;

/** The change was made against a version that is no longer the current one (412): nothing was changed. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String detail) {
        super(detail, null, false, false);
    }
}
