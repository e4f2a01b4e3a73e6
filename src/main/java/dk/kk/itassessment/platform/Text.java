package dk.kk.itassessment.platform;

/** What a client's text may contain, and how a client's text is echoed back safely in an error. */
public final class Text {

    private Text() {
    }

    /**
     * What is wrong with the characters of {@code text}, or null: control characters other than tab and line
     * breaks, and unpaired surrogates (a JSON escape such as {@code \ud800}), have no business in a form's text,
     * and PostgreSQL refuses some of them (NUL above all).
     */
    public static String forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogate characters";
            }
        }
        return null;
    }

    /** A client's text as it may be echoed in an error: printable, at most 100 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 100; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.length() < text.length() ? out + "…" : out.toString();
    }
}
