package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentService;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers, {@code BUF-YYYY-NNNNN}: the year of the time an assessment is stored, in Copenhagen, and the next of
 * that year's sequence (V29's {@code next_case_number}). Taken before the answer is written, as the answer carries it.
 */
@Component
class CaseNumbers {

    private final JdbcClient jdbc;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new case number for an assessment stored at {@code storedAt}; never given again, even if it is not stored. */
    String next(Instant storedAt) {
        return jdbc.sql("select next_case_number(:year)").param("year", storedAt.atZone(AssessmentService.COPENHAGEN).getYear())
                .query(String.class).single();
    }
}
