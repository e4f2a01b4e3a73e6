package dk.kk.itassessment.platform;

import java.util.function.BiConsumer;

/** A page of a list: {@code page} ≥ 0 (default 0), {@code size} 1–100 (default 20). */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The query parameters as given (null or empty: the default); a bad one is passed to {@code reject}. */
    public static Paging of(String page, String size, BiConsumer<String, String> reject) {
        return new Paging(number("page", page, 0, 0, Integer.MAX_VALUE, reject),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, reject));
    }

    public long offset() {
        return (long) page * size;
    }

    private static int number(String name, String value, int absent, int min, int max, BiConsumer<String, String> reject) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // rejected below
        }
        reject.accept(name, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return absent;
    }
}
