package dk.kk.itassessment.platform;

import java.util.List;

/** A client's request that breaks the contract; every bad field is named at once. Nothing is stored. */
public class InvalidRequest extends RuntimeException {

    private final List<Problems.FieldError> errors;

    public InvalidRequest(String detail, List<Problems.FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequest(String field, String message) {
        this("The request has an invalid field.", List.of(new Problems.FieldError(field, message)));
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
