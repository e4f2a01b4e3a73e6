package dk.kk.itassessment.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A field error of the API (its message, in English, as the API answers it) said to a person in the page's language,
 * shown beside the field it names: the kinds of error the API's field checks make ({@link FieldErrors}) have a
 * sentence each ({@code field.error.*}); any other keeps the check's own words, marked as English by the page.
 */
public final class FieldSentences {

    private static final Pattern AT_MOST = Pattern.compile("must (?:be|have) at most (\\d+) (characters|items|bytes).*");
    private static final Pattern AT_LEAST = Pattern.compile("must be at least (\\d+) characters.*");
    private static final Pattern BETWEEN = Pattern.compile("must be between 0 and ([\\d.]+).*");

    private FieldSentences() {
    }

    /** A sentence: its text, and whether it is the API's own English words (no sentence of the page's language). */
    public record Sentence(String text, boolean english) {
    }

    public static Sentence of(String message, MessageSource messages, Locale locale) {
        String m = message == null ? "" : message;
        Matcher atMost = AT_MOST.matcher(m);
        Matcher atLeast = AT_LEAST.matcher(m);
        Matcher between = BETWEEN.matcher(m);
        String kind;
        Object argument = null;
        if (m.startsWith("is required") || m.startsWith("must not be blank") || m.startsWith("must name at least")) {
            kind = "required";
        } else if (atMost.matches()) {
            kind = switch (atMost.group(2)) {
                case "items" -> "tooMany";
                case "bytes" -> "tooManyBytes";
                default -> "tooLong";
            };
            argument = atMost.group(1);
        } else if (atLeast.matches()) {
            kind = "tooShort";
            argument = atLeast.group(1);
        } else if (between.matches()) {
            kind = "range";
            argument = between.group(1);
        } else if (m.startsWith("must be a number") || m.startsWith("must be a whole number")) {
            kind = "number";
        } else if (m.startsWith("must be a CVR number")) {
            kind = "cvr";
        } else if (m.startsWith("must be an e-mail address")) {
            kind = "email";
        } else if (m.startsWith("must be a date")) {
            kind = "date";
        } else if (m.startsWith("3 to 64 characters of a-z")) {
            kind = "username";
        } else if (m.startsWith("must be one of") || m.startsWith("must be a non-empty list of")) {
            kind = "choice";
        } else {
            return new Sentence(m, true);
        }
        return new Sentence(messages.getMessage("field.error." + kind, new Object[] {argument}, locale), false);
    }
}
