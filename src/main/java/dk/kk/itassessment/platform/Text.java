package dk.kk.itassessment.platform;

/** What a client's text may contain, and how a client's text is echoed back safely in an error. */
public final class Text {

    private Text() {
    }

    /**
     * What is wrong with the characters of a text that may have several lines (a description, a comment), or null:
     * control characters other than tab and line breaks, unpaired surrogates (a JSON escape such as {@code \ud800})
     * and the controls that override or isolate the direction of text (U+202A–U+202E, U+2066–U+2069), which make a
     * text read otherwise than it is stored. PostgreSQL refuses some controls (NUL above all).
     */
    public static String forbiddenCharacter(String text) {
        return forbidden(text, false);
    }

    /**
     * What is wrong with the characters of a one-line text (a name, an institution, an e-mail address), or null: as
     * {@link #forbiddenCharacter}, and also line breaks (CR, LF, U+2028, U+2029), tabs, and the invisible characters
     * that make two names that look alike differ, or hide what a name holds: zero-width spaces, joiners and marks
     * (U+200B–U+200F, U+2060–U+2064, U+FEFF, U+061C, U+180E, U+034F) and the soft hyphen (U+00AD).
     */
    public static String forbiddenInLine(String text) {
        return forbidden(text, true);
    }

    private static String forbidden(String text, boolean oneLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (oneLine && (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029')) {
                return "must be one line, without line breaks";
            }
            if (Character.isISOControl(c) && (oneLine || c != '\t' && c != '\n' && c != '\r')) {
                return "must not contain control characters";
            }
            if (directional(c)) {
                return "must not contain characters that change the direction of text (" + codePoint(c) + ")";
            }
            if (oneLine && invisible(c)) {
                return "must not contain invisible characters (" + codePoint(c) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogate characters";
            }
        }
        return null;
    }

    private static boolean directional(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    private static boolean invisible(char c) {
        return c >= '\u200B' && c <= '\u200F' || c >= '\u2060' && c <= '\u2064' || c == '\uFEFF' || c == '\u061C'
                || c == '\u180E' || c == '\u034F' || c == '\u00AD';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * A client's text as it may be echoed in an error: printable, at most 100 characters; controls, direction
     * controls and invisible characters are each a {@code ?}.
     */
    public static String printable(String text) {
        return shorten(text, 100);
    }

    /**
     * A text as it is quoted in a message (an id, a name, a sheet, a cell): at most {@code max} characters and then
     * {@code …}, its controls, direction controls and invisible characters each a {@code ?}; null is empty.
     */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) || directional(c) || invisible(c)
                        ? '?' : c);
            }
        }
        return out.length() < text.length() ? out + "…" : out.toString();
    }
}
