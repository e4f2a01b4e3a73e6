package dk.kk.itassessment.registry;

/**
 * A Danish company registration number (CVR): eight digits, the first not 0, whose digits weighted 2, 7, 6, 5, 4,
 * 3, 2, 1 add up to a multiple of 11.
 */
public final class Cvr {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private Cvr() {
    }

    public static boolean isValid(String cvr) {
        if (cvr == null || cvr.length() != 8 || cvr.charAt(0) == '0') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = cvr.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }
}
