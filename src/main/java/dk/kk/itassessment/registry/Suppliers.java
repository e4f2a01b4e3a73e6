package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.Conflict;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored suppliers. A CVR or a (normalised) name used twice is refused by the database's unique constraints,
 * and answered as a {@link Conflict}: there is no check-then-insert race.
 */
@Repository
class Suppliers {

    private static final String COLUMNS = "id, name, cvr, agreement, agreement_valid_until, covered_systems";

    private final JdbcClient jdbc;

    Suppliers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Supplier insert(Supplier supplier) {
        Supplier stored = supplier.withId(UUID.randomUUID());
        try {
            jdbc.sql("""
                            INSERT INTO suppliers (id, name, normalised_name, cvr, agreement, agreement_valid_until,
                                                   covered_systems)
                            VALUES (:id, :name, :normalisedName, :cvr, :agreement, :validUntil, :coveredSystems)
                            """)
                    .paramSource(parameters(stored))
                    .update();
        } catch (DuplicateKeyException e) {
            throw conflict(e, stored);
        }
        return stored;
    }

    /** Replaces every field of the supplier; empty when there is no such supplier. */
    Optional<Supplier> update(UUID id, Supplier supplier) {
        Supplier stored = supplier.withId(id);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE suppliers
                               SET name = :name, normalised_name = :normalisedName, cvr = :cvr, agreement = :agreement,
                                   agreement_valid_until = :validUntil, covered_systems = :coveredSystems,
                                   updated_at = now()
                             WHERE id = :id
                            """)
                    .paramSource(parameters(stored))
                    .update();
        } catch (DuplicateKeyException e) {
            throw conflict(e, stored);
        }
        return updated == 0 ? Optional.empty() : Optional.of(stored);
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM suppliers WHERE id = ?").param(id).update() > 0;
    }

    Optional<Supplier> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM suppliers WHERE id = ?").param(id).query(Suppliers::row).optional();
    }

    /**
     * The look-up's statement ({@link Registry} runs it with the portfolio's, in one round trip): the supplier with
     * {@code :cvr}, else the one whose name equals {@code :name} as names are compared (POLICY.md). Two indexed
     * look-ups; {@link #found} reads its row.
     */
    static final String LOOKUP = "SELECT " + COLUMNS + ", 0 AS preference FROM suppliers WHERE cvr = :cvr"
            + " UNION ALL SELECT " + COLUMNS + ", 1 FROM suppliers WHERE normalised_name = :name"
            + " ORDER BY preference LIMIT 1";

    /** {@link #LOOKUP}'s parameters; either may be null. */
    static void lookupParameters(MapSqlParameterSource parameters, String cvr, String name) {
        String normalised = Names.normalise(name);
        parameters.addValue("cvr", cvr == null || cvr.isBlank() ? null : cvr.strip(), Types.VARCHAR)
                .addValue("name", normalised == null || normalised.isEmpty() ? null : normalised, Types.VARCHAR);
    }

    /** The supplier {@link #LOOKUP} found, or null. */
    static Supplier found(ResultSet rs) throws SQLException {
        return rs.next() ? row(rs, 0) : null;
    }

    Optional<Supplier> findByCvr(String cvr) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM suppliers WHERE cvr = ?").param(cvr).query(Suppliers::row)
                .optional();
    }

    /** The supplier whose name equals {@code name} as names are compared (see {@link Names}). */
    Optional<Supplier> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM suppliers WHERE normalised_name = ?")
                .param(Names.normalise(name))
                .query(Suppliers::row)
                .optional();
    }

    /** Sorted by name (as compared), then id. */
    Page<Supplier> list(int page, int size) {
        List<Supplier> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM suppliers ORDER BY normalised_name, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Suppliers::row)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM suppliers").query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    /**
     * The suppliers whose name contains {@code q} (null or blank: all) as names are compared, or whose CVR is
     * {@code q}; sorted by name (as compared), then id. For the registry page's search.
     */
    Page<Supplier> search(String q, int page, int size) {
        String normalisedQ = q == null || Names.normalise(q).isEmpty() ? null : Names.normalise(q);
        String where = " WHERE (CAST(:q AS text) IS NULL OR strpos(normalised_name, :q) > 0 OR cvr = :q)";
        List<Supplier> items = jdbc.sql("SELECT " + COLUMNS + " FROM suppliers" + where
                        + " ORDER BY normalised_name, id LIMIT :size OFFSET :offset")
                .param("q", normalisedQ)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Suppliers::row)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM suppliers" + where).param("q", normalisedQ)
                .query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    private static MapSqlParameterSource parameters(Supplier s) {
        return new MapSqlParameterSource()
                .addValue("id", s.id())
                .addValue("name", s.name())
                .addValue("normalisedName", Names.normalise(s.name()))
                .addValue("cvr", s.cvr())
                .addValue("agreement", s.agreement())
                .addValue("validUntil", s.agreementValidUntil(), Types.DATE)
                .addValue("coveredSystems", s.coveredSystems().toArray(String[]::new));
    }

    private static Conflict conflict(DuplicateKeyException e, Supplier s) {
        if ("suppliers_cvr_key".equals(Constraints.violated(e))) {
            return new Conflict("A supplier with CVR " + s.cvr() + " is already registered.");
        }
        return new Conflict("A supplier named '" + s.name() + "' is already registered (names are compared "
                + "ignoring case, character width and extra white space).");
    }

    /** Every supplier and its normalised name, for {@link RegistrySnapshot}. */
    static final String ALL = "SELECT normalised_name, " + COLUMNS + " FROM suppliers";

    static Supplier row(ResultSet rs, int n) throws SQLException {
        return new Supplier(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("cvr"),
                rs.getString("agreement"), rs.getObject("agreement_valid_until", LocalDate.class),
                strings(rs.getArray("covered_systems")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
