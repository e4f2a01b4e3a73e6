package dk.kk.itassessment.platform;

/** An e-mail address, checked the practical way (not RFC 5322), the same for requests and for accounts. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** One {@code @}, a local part, a domain of non-empty labels with a dot, no white space, at most 254 characters. */
    public static boolean isValid(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || email.length() > MAX_LENGTH
                || email.codePoints().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String domain = email.substring(at + 1);
        return domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
    }
}
