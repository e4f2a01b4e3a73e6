package dk.kk.itassessment.platform;

import java.util.regex.Pattern;

/**
 * An e-mail address as a person or a mail server means one, the same for requests and for accounts: a local part of
 * RFC 5322's dot-atom (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, in dot-separated runs, at most 64
 * characters), {@code @}, and a domain name of at least two labels (RFC 1035's letters, digits and hyphens, not
 * beginning or ending with a hyphen, at most 63 characters each), the last a top-level domain of letters (or an
 * internationalised one, {@code xn--…}); at most 254 characters in all. Not accepted, though RFC 5322 has them:
 * quoted local parts, comments, addresses at an IP literal ({@code a@[10.0.0.1]}) and at a bare host
 * ({@code a@localhost}); a domain with letters outside a-z is written in its ASCII form ({@code xn--…}).
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String TOP_LEVEL = "(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?=.{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+" + TOP_LEVEL);

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email.length() <= MAX_LENGTH && ADDRESS.matcher(email).matches();
    }
}
