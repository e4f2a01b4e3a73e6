package dk.kk.itassessment.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the registry compares names (POLICY.md, "Facts the rules see"): after Unicode NFKC normalisation, trimming,
 * collapsing inner white space to one space, and ignoring case. {@code "ＭatFessor"} and {@code " matfessor "} are
 * the same name.
 */
public final class Names {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Names() {
    }

    /** The form two names are compared in; {@code null} stays {@code null}. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return WHITE_SPACE.matcher(compatible).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
