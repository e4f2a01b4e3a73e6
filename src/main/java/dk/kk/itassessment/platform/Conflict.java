package dk.kk.itassessment.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The request conflicts with what is stored (409): a duplicate name, an idempotency key reused for another body.
 * Its message is the API's {@code detail} (English). A conflict a page shows also has a {@link #coded code}: the
 * message {@code conflict.<code>} with its arguments, in the page's language ({@link #text}).
 */
public class Conflict extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public Conflict(String detail) {
        this(detail, null);
    }

    private Conflict(String detail, String code, Object... args) {
        super(detail, null, false, false);
        this.code = code;
        this.args = args;
    }

    /** This conflict, with the message a page shows for it: {@code conflict.<code>}, {@code args} filled in. */
    public Conflict coded(String code, Object... args) {
        return new Conflict(getMessage(), code, args);
    }

    /** The text for a person: the coded message in {@code locale}, or the detail when there is none. */
    public String text(MessageSource messages, Locale locale) {
        return code == null ? getMessage() : messages.getMessage("conflict." + code, args, getMessage(), locale);
    }
}
