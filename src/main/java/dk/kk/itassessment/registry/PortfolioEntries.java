package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.Conflict;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored portfolio. Every name and alias is a row of {@code portfolio_names}, whose primary key makes a name used
 * by two entries impossible; a clash is answered as a {@link Conflict} and rolls the whole change back.
 */
@Repository
class PortfolioEntries {

    private static final String COLUMNS = "e.id, e.name, e.aliases, e.supplier_name, e.supplier_cvr, e.category, "
            + "e.permission, e.permission_valid_until, e.connected_institutions";

    private final JdbcClient jdbc;

    PortfolioEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    PortfolioEntry insert(PortfolioEntry entry) {
        PortfolioEntry stored = entry.withId(UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO portfolio_entries (id, name, normalised_name, aliases, supplier_name, supplier_cvr,
                                                       category, permission, permission_valid_until,
                                                       connected_institutions)
                        VALUES (:id, :name, :normalisedName, :aliases, :supplierName, :supplierCvr, :category,
                                :permission, :validUntil, :connectedInstitutions)
                        """)
                .paramSource(parameters(stored))
                .update();
        insertNames(stored);
        return stored;
    }

    /** Replaces every field of the entry; empty when there is no such entry. */
    @Transactional
    Optional<PortfolioEntry> update(UUID id, PortfolioEntry entry) {
        PortfolioEntry stored = entry.withId(id);
        int updated = jdbc.sql("""
                        UPDATE portfolio_entries
                           SET name = :name, normalised_name = :normalisedName, aliases = :aliases,
                               supplier_name = :supplierName, supplier_cvr = :supplierCvr, category = :category,
                               permission = :permission, permission_valid_until = :validUntil,
                               connected_institutions = :connectedInstitutions, updated_at = now()
                         WHERE id = :id
                        """)
                .paramSource(parameters(stored))
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM portfolio_names WHERE entry_id = ?").param(id).update();
        insertNames(stored);
        return Optional.of(stored);
    }

    private void insertNames(PortfolioEntry entry) {
        for (String name : entry.names()) {
            try {
                jdbc.sql("INSERT INTO portfolio_names (normalised_name, entry_id) VALUES (?, ?)")
                        .param(Names.normalise(name))
                        .param(entry.id())
                        .update();
            } catch (DuplicateKeyException e) {
                throw new Conflict("The name '" + name + "' is already used by another portfolio entry (as its name "
                        + "or an alias; names are compared ignoring case, character width and extra white space).");
            }
        }
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM portfolio_entries WHERE id = ?").param(id).update() > 0;
    }

    Optional<PortfolioEntry> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portfolio_entries e WHERE e.id = ?")
                .param(id)
                .query(PortfolioEntries::row)
                .optional();
    }

    /** The entry whose name or one of whose aliases equals {@code name} as names are compared. */
    Optional<PortfolioEntry> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM portfolio_names n JOIN portfolio_entries e ON e.id = n.entry_id
                        WHERE n.normalised_name = ?
                        """)
                .param(Names.normalise(name))
                .query(PortfolioEntries::row)
                .optional();
    }

    /**
     * Entries of {@code category} (null: any) with a name or alias containing {@code q} (null: any) as names are
     * compared; sorted by name, then id.
     */
    Page<PortfolioEntry> search(String category, String q, int page, int size) {
        String where = """
                 WHERE (CAST(:category AS text) IS NULL OR e.category = :category)
                   AND (CAST(:q AS text) IS NULL OR EXISTS (SELECT 1 FROM portfolio_names n
                                                     WHERE n.entry_id = e.id AND strpos(n.normalised_name, :q) > 0))
                """;
        String normalisedQ = q == null || Names.normalise(q).isEmpty() ? null : Names.normalise(q);
        List<PortfolioEntry> items = jdbc.sql("SELECT " + COLUMNS + " FROM portfolio_entries e" + where
                        + " ORDER BY e.normalised_name, e.id LIMIT :size OFFSET :offset")
                .param("category", category)
                .param("q", normalisedQ)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(PortfolioEntries::row)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM portfolio_entries e" + where)
                .param("category", category)
                .param("q", normalisedQ)
                .query(Long.class)
                .single();
        return new Page<>(items, page, size, total);
    }

    /** The entry a request names, and the entries with a permission to use in its category. */
    record Found(PortfolioEntry match, List<Matches.Alternative> alternatives) {
    }

    /**
     * The look-up's statement ({@link Registry} runs it with the supplier's, in one round trip): the entry whose name
     * or alias equals {@code :solution} (normalised), and the entries of {@code :category} with permission GRANTED
     * that has not run out by {@code :today}. Two indexed look-ups; {@link #found} reads its rows.
     */
    static final String LOOKUP = "SELECT " + COLUMNS + ", true AS matched"
            + " FROM portfolio_names n JOIN portfolio_entries e ON e.id = n.entry_id"
            + " WHERE n.normalised_name = :solution"
            + " UNION ALL SELECT " + COLUMNS + ", false FROM portfolio_entries e"
            + " WHERE e.category = :category AND e.permission = 'GRANTED'"
            + " AND (e.permission_valid_until IS NULL OR e.permission_valid_until >= :today)";

    /** {@link #LOOKUP}'s parameters: {@code solution} normalised, either may be null. */
    static void lookupParameters(MapSqlParameterSource parameters, String solution, String category, LocalDate today) {
        parameters.addValue("solution", solution, Types.VARCHAR)
                .addValue("category", category, Types.VARCHAR)
                .addValue("today", today, Types.DATE);
    }

    /** The match of {@link #LOOKUP}'s rows, and the alternatives: the others, sorted by name. */
    static Found found(ResultSet rs) throws SQLException {
        record Row(PortfolioEntry entry, boolean matched) {
        }
        List<Row> rows = new java.util.ArrayList<>();
        while (rs.next()) {
            rows.add(new Row(row(rs, rows.size()), rs.getBoolean("matched")));
        }
        PortfolioEntry match = rows.stream().filter(Row::matched).map(Row::entry).findFirst().orElse(null);
        List<Matches.Alternative> alternatives = rows.stream()
                .filter(r -> !r.matched() && (match == null || !r.entry().id().equals(match.id())))
                .map(Row::entry)
                .sorted(ALTERNATIVES_ORDER)
                .map(e -> new Matches.Alternative(e.id(), e.name(), e.category()))
                .toList();
        return new Found(match, alternatives);
    }

    private static MapSqlParameterSource parameters(PortfolioEntry e) {
        return new MapSqlParameterSource()
                .addValue("id", e.id())
                .addValue("name", e.name())
                .addValue("normalisedName", Names.normalise(e.name()))
                .addValue("aliases", e.aliases().toArray(String[]::new))
                .addValue("supplierName", e.supplierName())
                .addValue("supplierCvr", e.supplierCvr())
                .addValue("category", e.category())
                .addValue("permission", e.permission())
                .addValue("validUntil", e.permissionValidUntil(), Types.DATE)
                .addValue("connectedInstitutions", e.connectedInstitutions().toArray(String[]::new));
    }

    /** The order alternatives are listed in: by name as names are compared, then by id. */
    static final java.util.Comparator<PortfolioEntry> ALTERNATIVES_ORDER = java.util.Comparator
            .comparing((PortfolioEntry e) -> Names.normalise(e.name())).thenComparing(PortfolioEntry::id);

    /** Every entry, for {@link RegistrySnapshot}. */
    static final String ALL = "SELECT " + COLUMNS + " FROM portfolio_entries e";

    static PortfolioEntry row(ResultSet rs, int n) throws SQLException {
        return new PortfolioEntry(rs.getObject("id", UUID.class), rs.getString("name"),
                Suppliers.strings(rs.getArray("aliases")), rs.getString("supplier_name"),
                rs.getString("supplier_cvr"), rs.getString("category"), rs.getString("permission"),
                rs.getObject("permission_valid_until", LocalDate.class),
                Suppliers.strings(rs.getArray("connected_institutions")));
    }
}
