package dk.kk.itassessment.support;

import dk.kk.itassessment.assessment.AssessmentStored;
import dk.kk.itassessment.assessment.AssessmentsStored;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listens to {@link AssessmentsStored} as a module reacting to it would, in the storing transaction: records each
 * event with whether its assessment was visible to the listener's own statements then (it is when the listener runs
 * inside the storing transaction, before the commit), and refuses, by throwing, one whose solution is named
 * {@link #REFUSED}.
 */
public class StoredEvents {

    /** The solution name a listener refuses: its assessment must not be stored. */
    public static final String REFUSED = "A solution the listener refuses";

    /** An event as received, and whether its assessment's row was visible in the listener's transaction. */
    public record Seen(AssessmentStored event, boolean rowVisible, String thread) {
    }

    private final JdbcClient jdbc;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AssessmentsStored stored) {
        stored.assessments().forEach(this::on);
    }

    private void on(AssessmentStored event) {
        boolean visible = jdbc.sql("select count(*) from assessments where id = :id and case_number = :number")
                .param("id", event.assessmentId()).param("number", event.caseNumber()).query(Long.class).single() == 1;
        seen.add(new Seen(event, visible, Thread.currentThread().getName()));
        if (REFUSED.equals(event.request().solution().name())) {
            throw new IllegalStateException("The test listener refuses " + event.assessmentId());
        }
    }

    /** The events seen for {@code assessmentId}. */
    public List<Seen> of(java.util.UUID assessmentId) {
        return seen.stream().filter(s -> s.event().assessmentId().equals(assessmentId)).toList();
    }

    /** Every event seen so far. */
    public List<Seen> all() {
        return List.copyOf(seen);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        StoredEvents storedEvents(JdbcClient jdbc) {
            return new StoredEvents(jdbc);
        }
    }
}
