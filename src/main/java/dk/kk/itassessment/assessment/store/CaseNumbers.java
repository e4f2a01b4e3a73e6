package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentService;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers, {@code BUF-YYYY-NNNNN}: the year of the time an assessment is stored, in Copenhagen, and the next of
 * that year's sequence (the function {@code next_case_number}). Taken before the answer is written, as the answer
 * carries it.
 *
 * <p>Taken from the database {@value #BLOCK} at a time and handed out in order, as a sequence's own {@code CACHE}
 * does: a number of its own cost every assessment a round trip. So within one instance the numbers rise with time;
 * two instances interleave their blocks, and the numbers an instance had not handed out when it stopped are gaps
 * (never given again).
 */
@Component
class CaseNumbers {

    static final int BLOCK = 16;

    private final JdbcClient jdbc;
    private final Deque<String> taken = new ArrayDeque<>();
    private int year;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new case number for an assessment stored at {@code storedAt}; never given again, even if it is not stored. */
    synchronized String next(Instant storedAt) {
        int of = storedAt.atZone(AssessmentService.COPENHAGEN).getYear();
        if (of != year || taken.isEmpty()) {
            taken.clear(); // another year's numbers left over are gaps
            taken.addAll(jdbc.sql("select next_case_number(:year) from generate_series(1, :block) as n order by n")
                    .param("year", of).param("block", BLOCK).query(String.class).list());
            year = of;
        }
        return taken.removeFirst();
    }
}
