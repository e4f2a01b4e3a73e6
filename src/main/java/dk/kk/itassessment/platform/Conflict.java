package dk.kk.itassessment.platform;

/** The request conflicts with what is stored (409): a duplicate name, an idempotency key reused for another body. */
public class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail, null, false, false);
    }
}
