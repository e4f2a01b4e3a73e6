package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a data cell of a decision-table column may hold. A cell's value is pasted into Java source by Drools, so each
 * type lets through only values that cannot change the rule around them: codes of capitals, {@code true}/{@code
 * false}, bounded whole numbers, and text without the characters that would end its string literal. The types are
 * declared per column code in {@link Vocabulary}.
 */
sealed interface TableCellType {

    /** What is wrong with a non-blank, trimmed value, and what is allowed; null when the value is allowed. */
    Evaluation.Text problem(String value);

    /** The values a condition of this type can test, for the table analysis; null when there are too many to list. */
    List<String> domain();

    /** Whether the column's code puts the value inside a string literal ({@code "$param"}). */
    default boolean quoted() {
        return true;
    }

    /** One value of a fixed list (a route, a tier, …). */
    record OneOf(Set<String> values) implements TableCellType {

        @Override
        public Evaluation.Text problem(String value) {
            return values.contains(value) ? null : notAllowed(value, values);
        }

        @Override
        public List<String> domain() {
            return List.copyOf(new TreeSet<>(values));
        }
    }

    /** Values of a fixed list separated by commas: the "(any of)" and "(none of)" columns. */
    record AnyOf(Set<String> values) implements TableCellType {

        @Override
        public Evaluation.Text problem(String value) {
            for (String item : items(value)) {
                if (item.isEmpty()) {
                    return text("listen har en tom værdi: skriv værdierne adskilt af kommaer",
                            "the list has an empty value: write the values separated by commas");
                }
                if (!values.contains(item)) {
                    return notAllowed(item, values);
                }
            }
            return null;
        }

        @Override
        public List<String> domain() {
            return List.copyOf(new TreeSet<>(values));
        }

        /** The items of a list cell, trimmed; the way Drools splits them for {@code forall}. */
        static List<String> items(String value) {
            List<String> items = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                items.add(item.trim());
            }
            return items;
        }
    }

    /** {@code true} or {@code false}. */
    record Flag() implements TableCellType {

        @Override
        public boolean quoted() {
            return false;
        }

        @Override
        public Evaluation.Text problem(String value) {
            return value.equals("true") || value.equals("false") ? null
                    : text("'" + shorten(value) + "' er ikke tilladt her: skriv true eller false",
                            "'" + shorten(value) + "' is not allowed here: write true or false");
        }

        @Override
        public List<String> domain() {
            return List.of("true", "false");
        }
    }

    /** A whole number from {@code min} to {@code max}, digits only (a sign only for a negative minimum). */
    record WholeNumber(int min, int max) implements TableCellType {

        @Override
        public boolean quoted() {
            return false;
        }

        private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

        @Override
        public Evaluation.Text problem(String value) {
            if (NUMBER.matcher(value).matches()) {
                long number = Long.parseLong(value);
                if (number >= min && number <= max) {
                    return null;
                }
            }
            return text("'" + shorten(value) + "' er ikke tilladt her: skriv et helt tal fra " + min + " til " + max,
                    "'" + shorten(value) + "' is not allowed here: write a whole number from " + min + " to " + max);
        }

        @Override
        public List<String> domain() {
            return null;
        }
    }

    /** A code of capitals, digits and _ that the project does not list (a checklist item, a warning). */
    record Code() implements TableCellType {

        private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

        @Override
        public Evaluation.Text problem(String value) {
            return CODE.matcher(value).matches() ? null
                    : text("'" + shorten(value) + "' er ikke en kode: brug store bogstaver, cifre og _ (højst 100 tegn), "
                            + "begynd med et bogstav",
                    "'" + shorten(value) + "' is not a code: use capital letters, digits and _ (at most 100), "
                            + "starting with a letter");
        }

        @Override
        public List<String> domain() {
            return null;
        }
    }

    /**
     * Text that goes into a string literal: at most {@code maxLength} characters, no {@code "} or {@code \} (which
     * would end the literal or escape out of it) and no line breaks or other control characters.
     */
    record Text(int maxLength) implements TableCellType {

        @Override
        public Evaluation.Text problem(String value) {
            if (value.length() > maxLength) {
                return text("teksten er " + value.length() + " tegn lang; højst " + maxLength + " er tilladt",
                        "the text is " + value.length() + " characters long; at most " + maxLength + " are allowed");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    return text("teksten må ikke indeholde \" eller \\ (brug typografiske anførselstegn \u201c \u201d "
                                    + "eller \u00bb \u00ab)",
                            "the text may not contain \" or \\ (use typographic quotes \u201c \u201d or \u00bb \u00ab)");
                }
                if (Character.isISOControl(c)) {
                    return text("teksten må ikke indeholde linjeskift eller andre kontroltegn",
                            "the text may not contain line breaks or other control characters");
                }
            }
            return null;
        }

        @Override
        public List<String> domain() {
            return null;
        }
    }

    private static Evaluation.Text notAllowed(String value, Set<String> values) {
        String allowed = String.join(", ", new TreeSet<>(values));
        return text("'" + shorten(value) + "' er ikke en af de tilladte værdier: " + allowed,
                "'" + shorten(value) + "' is not one of the allowed values: " + allowed);
    }

    private static Evaluation.Text text(String da, String en) {
        return new Evaluation.Text(da, en);
    }

    /** A value as quoted in a message: at most 60 characters, nothing unprintable. */
    static String shorten(String value) {
        return dk.kk.itassessment.platform.Text.shorten(value, 60);
    }
}
