package dk.kk.itassessment.registry;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Findes det allerede?": the solutions a person may already use, found by a part of their name — the portfolio's
 * entries with a permission that is {@code GRANTED} and still valid (by name or alias), and the systems an approved
 * supplier's active agreement covers (the seed's list of suppliers we have agreements with). Names are compared as
 * {@link Names} does. Read from the database as it is now: people search after the registry has just changed.
 */
@Service
public class Permitted {

    /** The longest search text read. */
    public static final int MAX_QUERY = 100;

    /**
     * One permitted solution: {@code viaSupplier} false for a portfolio entry with a permission (valid until
     * {@code validUntil}, null: no end), true for a system covered by {@code supplierName}'s agreement.
     */
    public record Solution(String name, String category, String supplierName, LocalDate validUntil,
                           boolean viaSupplier) {
    }

    /** A page of the search: at most {@code limit} solutions, and whether there were more. */
    public record Found(List<Solution> solutions, boolean more) {
    }

    private static final String SEARCH = """
            SELECT e.name, e.category, e.supplier_name, e.permission_valid_until AS valid_until, false AS via_supplier
              FROM portfolio_entries e
             WHERE e.permission = 'GRANTED'
               AND (e.permission_valid_until IS NULL OR e.permission_valid_until >= :today)
               AND EXISTS (SELECT 1 FROM portfolio_names n WHERE n.entry_id = e.id AND strpos(n.normalised_name, :q) > 0)
            UNION ALL
            SELECT c.system, NULL, s.name, s.agreement_valid_until, true
              FROM suppliers s CROSS JOIN LATERAL unnest(s.covered_systems) AS c(system)
             WHERE s.agreement = 'ACTIVE'
               AND (s.agreement_valid_until IS NULL OR s.agreement_valid_until >= :today)
               AND strpos(lower(regexp_replace(normalize(c.system, NFKC), '\\s+', ' ', 'g')), :q) > 0
             ORDER BY 1, 5, 3
             LIMIT :limit
            """;

    private final JdbcClient jdbc;

    Permitted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The permitted solutions whose name contains {@code query} (normalised; empty: none), valid on {@code today}. */
    public Found search(String query, LocalDate today, int limit) {
        String q = Names.normalise(query);
        if (q == null || q.isEmpty()) {
            return new Found(List.of(), false);
        }
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        List<Solution> found = jdbc.sql(SEARCH)
                .param("q", q, Types.VARCHAR)
                .param("today", today, Types.DATE)
                .param("limit", limit + 1)
                .query((rs, n) -> new Solution(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
                .list();
        return found.size() > limit ? new Found(List.copyOf(found.subList(0, limit)), true) : new Found(found, false);
    }
}
