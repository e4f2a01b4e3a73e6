package dk.kk.itassessment.assessment;

import dk.kk.itassessment.platform.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The request's field errors (the API's, from {@code InvalidRequest}) said to a person: by field (the JSON path
 * without an index: {@code personalData.subjects[1]} is {@code personalData.subjects}), first error first, each a
 * sentence in the page's language that names the field by its label. The kinds of error the request's checks make
 * have a sentence each; any other keeps the check's own words after the label.
 */
final class IntakeErrors {

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern AT_MOST = Pattern.compile("must be at most (\\d+) .*");
    private static final Pattern BETWEEN = Pattern.compile("must be between 0 and ([\\d.]+).*");

    private IntakeErrors() {
    }

    /** Field (its path) → the sentence to show beside it, in the order the request's checks named them. */
    static Map<String, String> of(List<Problems.FieldError> errors, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problems.FieldError error : errors) {
            String field = INDEX.matcher(error.field()).replaceAll("");
            byField.putIfAbsent(field, sentence(field, error.message(), messages, locale));
        }
        return byField;
    }

    /** The paths of fields that are missing (required and not given), for the preview's "fill in" list. */
    static List<String> missing(List<Problems.FieldError> errors) {
        return errors.stream().map(e -> INDEX.matcher(e.field()).replaceAll("")).distinct().toList();
    }

    private static String sentence(String field, String message, MessageSource messages, Locale locale) {
        String label = messages.getMessage("intake.field." + field, null, field, locale);
        String kind;
        Object argument = null;
        Matcher atMost = AT_MOST.matcher(message);
        Matcher between = BETWEEN.matcher(message);
        if (message.startsWith("is required") || message.startsWith("must name at least")
                || message.equals("must not be blank")) {
            kind = "required";
        } else if (atMost.matches()) {
            kind = "tooLong";
            argument = atMost.group(1);
        } else if (between.matches()) {
            kind = "range";
            argument = between.group(1);
        } else if (message.startsWith("must be a number") || message.startsWith("must be a whole number")) {
            kind = "number";
        } else if (message.startsWith("must be 0 or absent when free")) {
            kind = "priceWhenFree";
        } else if (field.equals("solution.supplierCvr")) {
            kind = "cvr";
        } else if (field.equals("requester.email")) {
            kind = "email";
        } else if (field.equals("solution.url")) {
            kind = "url";
        } else if (message.startsWith("must be one of") || message.startsWith("must be ")) {
            kind = "choice";
        } else {
            return messages.getMessage("intake.error.other", new Object[] {label, message}, locale);
        }
        return messages.getMessage("intake.error." + kind, new Object[] {label, argument}, locale);
    }
}
