package dk.kk.itassessment.intake;

import java.net.URI;
import java.net.URISyntaxException;

/** The formats of single fields: each method answers what is wrong with a value, or {@code null} when it is fine. */
final class Formats {

    static final int MAX_EMAIL = dk.kk.itassessment.platform.EmailAddress.MAX_LENGTH;
    static final int MAX_URL = 2000;

    private Formats() {
    }

    /** A practical check, not RFC 5322 (see {@link dk.kk.itassessment.platform.EmailAddress}). */
    static String emailProblem(String email) {
        return dk.kk.itassessment.platform.EmailAddress.isValid(email) ? null
                : "must be an e-mail address such as name@example.dk";
    }

    /** A Danish CVR number (see {@link dk.kk.itassessment.platform.Cvr}). */
    static String cvrProblem(String cvr) {
        return dk.kk.itassessment.platform.Cvr.problem(cvr);
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    static String urlProblem(String url) {
        String problem = "must be an absolute http or https URL such as https://example.com";
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && !uri.getHost().isEmpty() ? null : problem;
        } catch (URISyntaxException e) {
            return problem;
        }
    }
}
