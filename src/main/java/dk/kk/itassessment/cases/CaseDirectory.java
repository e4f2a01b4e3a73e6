package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.platform.NotFound;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases as other modules may read them (notifications): whether a caller may read a case — by the same rule as
 * {@code GET /api/v1/cases/{number}} — a case's summary, the entries a change appended, and the open cases past
 * their due date. Reads only; every change goes through the case operations.
 */
@Service
public class CaseDirectory {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final CaseService service;
    private final Cases cases;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseDirectory(CaseService service, Cases cases, JdbcClient jdbc, JsonMapper json) {
        this.service = service;
        this.cases = cases;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The case when {@code caller} may read it; empty when it is unknown or not theirs to read (the API's 404). */
    public Optional<CaseSummary> readable(String number, Caller caller) {
        try {
            return Optional.of(CaseSummary.of(service.readable(number, caller, false)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    public Optional<CaseSummary> find(String number) {
        return cases.find(number, false).map(CaseSummary::of);
    }

    /** The newest {@code count} entries of a case's history, oldest first (those a change just appended). */
    public List<CaseSummary.Event> latest(String number, int count) {
        List<Cases.Event> all = cases.history(number, true);
        return all.subList(Math.max(0, all.size() - count), all.size()).stream()
                .map(e -> {
                    Map<String, Object> details = json.readValue(e.details(), DETAILS);
                    // only a comment is internal (Case.comment), and its details say so
                    return new CaseSummary.Event(e.at(), e.actor(), e.event(), details,
                            Boolean.TRUE.equals(details.get("internal")));
                })
                .toList();
    }

    /** The numbers of the cases still OPEN or RETURNED whose due date is before {@code today}: overdue. */
    public List<String> overdue(LocalDate today) {
        return jdbc.sql("select number from cases where status in ('OPEN', 'RETURNED') and due_date < ? order by number")
                .param(today).query(String.class).list();
    }
}
