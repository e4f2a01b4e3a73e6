package dk.kk.itassessment.platform;

/**
 * A Danish company registration number (CVR): eight digits, the first not 0, whose digits weighted 2, 7, 6, 5, 4,
 * 3, 2, 1 add up to a multiple of 11. Checked the same way in requests and in the supplier register.
 */
public final class Cvr {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private Cvr() {
    }

    public static boolean isValid(String cvr) {
        return cvr != null && problem(cvr) == null;
    }

    /** What is wrong with {@code cvr}, or null when it is a valid CVR number. */
    public static String problem(String cvr) {
        if (cvr.length() != 8 || !cvr.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must be 8 digits";
        }
        if (cvr.charAt(0) == '0') {
            return "must not start with 0";
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (cvr.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0 ? null : "is not a valid CVR number (the modulus-11 check fails)";
    }
}
