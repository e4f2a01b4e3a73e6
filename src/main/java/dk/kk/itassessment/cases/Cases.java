package dk.kk.itassessment.cases;

import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Sha256;
import dk.kk.itassessment.policy.Evaluation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored cases (tables {@code cases}, {@code case_checklists}, {@code case_items}, {@code case_comments},
 * {@code case_events}, migrations V30 and V36), read into {@link Case} and written back with the version they were read at: a row changed meanwhile is not
 * overwritten.
 */
@Repository
class Cases {

    private static final String COLUMNS = "c.number, c.assessment_id, c.status, c.route, c.security_review, "
            + "c.ruleset_version, c.submitted_by, c.requester_name, c.requester_email, c.institution, c.solution_name, "
            + "c.supplier_name, c.supplier_cvr, c.solution_kind, c.solution_category, c.opened_at, c.due_date, "
            + "c.assignee, c.decision, c.permission_valid_until, c.decision_note, c.decided_by, c.decided_at, "
            + "c.ended_at, c.policy_changed, c.created_pending_entry, c.version, c.opened_checklist";
    private static final String ITEM_COLUMNS = "case_number, code, position, title_da, title_en, responsible, phase, "
            + "mandatory, rule, state, note, updated_by, updated_at, asked";

    /** How many checklists, as JSON and as read, are remembered at most (then forgotten all at once). */
    private static final int REMEMBERED = 1_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** The checklists' JSON and SHA-256 by value (as cases open), and the checklists read by SHA-256. */
    private final Map<List<Evaluation.Item>, Checklist> written = new ConcurrentHashMap<>();
    private final Map<String, List<Evaluation.Item>> read = new ConcurrentHashMap<>();

    Cases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A case just opened, its institution normalised (registry.Names) for the queue's filter, and the checklist of
     * the decision it opened with (its items).
     */
    record NewCase(Case opened, String institutionKey, List<Evaluation.Item> checklist) {
    }

    /** A checklist as stored: the SHA-256 (lower-case hex) of its JSON, and that JSON. */
    private record Checklist(String sha256, String json) {
    }

    /**
     * Stores cases just opened and their histories, and the checklists they opened with that are not stored yet:
     * three statements, however many cases (the cases of one group commit of assessments are opened together,
     * CaseOpening). Their items are not written: until one changes, a case's items are its checklist's (V36).
     */
    void insert(List<NewCase> opened) {
        if (opened.isEmpty()) {
            return;
        }
        int n = opened.size();
        Map<String, String> checklists = new LinkedHashMap<>();
        String[] checklistOf = new String[n];
        for (int i = 0; i < n; i++) {
            Checklist checklist = checklist(opened.get(i).checklist());
            checklists.putIfAbsent(checklist.sha256(), checklist.json());
            checklistOf[i] = checklist.sha256();
        }
        jdbc.sql("insert into case_checklists (sha256, items) select s, cast(j as jsonb) from unnest(:shas, :jsons)"
                        + " as t (s, j) on conflict do nothing")
                .param("shas", checklists.keySet().toArray(String[]::new))
                .param("jsons", checklists.values().toArray(String[]::new))
                .update();
        String[][] columns = new String[18][n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            Case c = opened.get(i).opened();
            String[] values = {c.number, c.assessmentId.toString(), c.status.name(), c.route, c.securityReview,
                    c.rulesetVersion, c.submittedBy, c.requester.name(), c.requester.email(), c.requester.institution(),
                    opened.get(i).institutionKey(), c.solution.name(), c.solution.supplierName(),
                    c.solution.supplierCvr(), c.solution.kind(), c.solution.category(), c.phase(),
                    String.join(",", waitingOn(c))};
            for (int column = 0; column < values.length; column++) {
                columns[column][i] = values[column];
            }
            versions[i] = c.version;
        }
        String[] openedAt = opened.stream().map(o -> o.opened().openedAt.toString()).toArray(String[]::new);
        String[] due = opened.stream().map(o -> o.opened().dueDate == null ? null : o.opened().dueDate.toString())
                .toArray(String[]::new);
        var statement = jdbc.sql("""
                insert into cases (number, assessment_id, status, route, security_review, ruleset_version,
                                   submitted_by, requester_name, requester_email, institution, institution_key,
                                   solution_name, supplier_name, supplier_cvr, solution_kind, solution_category,
                                   phase, waiting_on, opened_at, due_date, version, opened_checklist)
                select c0, cast(c1 as uuid), c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16,
                       string_to_array(c17, ','), c18, c19, c20, c21
                  from unnest(:c0, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :c8, :c9, :c10, :c11, :c12, :c13, :c14, :c15,
                              :c16, :c17, cast(:c18 as timestamptz[]), cast(:c19 as date[]), :c20, :c21)
                       as t (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18,
                             c19, c20, c21)
                """);
        for (int column = 0; column < columns.length; column++) {
            statement = statement.param("c" + column, columns[column]);
        }
        statement.param("c18", openedAt).param("c19", due).param("c20", versions).param("c21", checklistOf).update();
        appendHistory(opened.stream().map(NewCase::opened).toList());
    }

    private Checklist checklist(List<Evaluation.Item> items) {
        Checklist known = written.get(items);
        if (known != null) {
            return known;
        }
        String text = json.writeValueAsString(items);
        Checklist checklist = new Checklist(Sha256.hex(text), text);
        if (written.size() >= REMEMBERED) {
            written.clear();
        }
        written.put(List.copyOf(items), checklist);
        return checklist;
    }

    /** The case, locked for the change about to be made when {@code forUpdate} (a second change waits for it). */
    Optional<Case> find(String number, boolean forUpdate) {
        Optional<Row> row = jdbc.sql("select " + COLUMNS + " from cases c where c.number = ?"
                        + (forUpdate ? " for update" : ""))
                .param(number)
                .query(Cases::row)
                .optional();
        return row.map(r -> r.toCase(items(List.of(r)).getOrDefault(r.number(), List.of())));
    }

    /** The open cases' numbers (those the policy's change is checked for). */
    List<String> openNumbers() {
        return jdbc.sql("select number from cases where status in ('OPEN', 'RETURNED') order by number")
                .query(String.class).list();
    }

    /**
     * Writes back a changed case read at {@code readVersion}, its items when one changed (all of them: the first
     * change of a case stores the items it had from its checklist) and its history: false when it is no longer at
     * that version (the caller must roll back then).
     */
    boolean update(Case changed, long readVersion) {
        // the items first: while the row still says OPEN or RETURNED (the guard refuses items of an ended case)
        if (!changed.changedItems().isEmpty()) {
            writeItems(List.of(changed), c -> c.items);
        }
        Case.Outcome outcome = changed.outcome;
        int updated = jdbc.sql("""
                        update cases set status = :status, route = :route, security_review = :securityReview,
                               ruleset_version = :rulesetVersion, phase = :phase, waiting_on = :waitingOn,
                               due_date = :dueDate,
                               assignee = :assignee, decision = :decision, permission_valid_until = :validUntil,
                               decision_note = :note, decided_by = :decidedBy, decided_at = :decidedAt,
                               ended_at = :endedAt, policy_changed = :policyChanged,
                               created_pending_entry = :pendingEntry, version = :version
                         where number = :number and version = :readVersion
                        """)
                .param("status", changed.status.name())
                .param("route", changed.route)
                .param("securityReview", changed.securityReview)
                .param("rulesetVersion", changed.rulesetVersion)
                .param("phase", changed.phase(), Types.VARCHAR)
                .param("waitingOn", waitingOn(changed))
                .param("dueDate", changed.dueDate, Types.DATE)
                .param("assignee", changed.assignee, Types.VARCHAR)
                .param("decision", outcome == null ? null : outcome.decision(), Types.VARCHAR)
                .param("validUntil", outcome == null ? null : outcome.permissionValidUntil(), Types.DATE)
                .param("note", outcome == null ? null : outcome.note(), Types.VARCHAR)
                .param("decidedBy", outcome == null ? null : outcome.decidedBy(), Types.VARCHAR)
                .param("decidedAt", outcome == null ? null : timestamp(outcome.decidedAt()), Types.TIMESTAMP)
                .param("endedAt", changed.endedAt == null ? null : timestamp(changed.endedAt), Types.TIMESTAMP)
                .param("policyChanged", changed.policyChanged)
                .param("pendingEntry", changed.createdPendingEntry, Types.OTHER)
                .param("version", changed.version)
                .param("number", changed.number)
                .param("readVersion", readVersion)
                .update();
        if (updated == 0) {
            return false; // the caller rolls the items back
        }
        appendHistory(List.of(changed));
        return true;
    }

    /** The responsibles an open case waits for (of its items OPEN or RETURNED), for the queue's filter; none when ended. */
    private static String[] waitingOn(Case c) {
        if (!c.status.open()) {
            return new String[0];
        }
        return c.items.stream().filter(i -> i.state == Case.State.OPEN || i.state == Case.State.RETURNED)
                .map(i -> i.responsible).distinct().sorted().toArray(String[]::new);
    }

    void insertComment(String number, String author, Instant at, String text, boolean internal) {
        jdbc.sql("insert into case_comments (case_number, author, at, text, internal) values (?, ?, ?, ?, ?)")
                .params(number, author, timestamp(at), text, internal)
                .update();
    }

    record Comment(long id, String author, Instant at, String text, boolean internal) {
    }

    List<Comment> comments(String number, boolean withInternal) {
        return jdbc.sql("select id, author, at, text, internal from case_comments where case_number = ?"
                        + (withInternal ? "" : " and not internal") + " order by id")
                .param(number)
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"), instant(rs, "at"),
                        rs.getString("text"), rs.getBoolean("internal")))
                .list();
    }

    record Event(Instant at, String actor, String event, String details) {
    }

    /** The history, oldest first; without the entries about internal comments unless {@code withInternal}. */
    List<Event> history(String number, boolean withInternal) {
        return jdbc.sql("select at, actor, event, details::text as details from case_events where case_number = ?"
                        + (withInternal ? "" : " and not internal") + " order by id")
                .param(number)
                .query((rs, n) -> new Event(instant(rs, "at"), rs.getString("actor"), rs.getString("event"),
                        rs.getString("details")))
                .list();
    }

    // --- the queue ---

    /** The filters of the list, each null when not given; {@code reader} null reads every case. */
    record Filter(String status, String phase, String responsible, String assignee, String institutionKey,
                  Boolean overdue, UUID assessment, Reader reader, LocalDate today) {

        /** Only open cases can match: overdue ones, or those waiting for a responsible. */
        boolean openOnly() {
            return responsible != null || Boolean.TRUE.equals(overdue);
        }
    }

    /** A requester's (or staff member's, or intake client's) own cases: submitted by them or naming their e-mail. */
    record Reader(String username, String email) {
    }

    /**
     * A page of cases: open ones by due date (oldest first, none last), then the others newest first — two ordered,
     * limited halves, each served by its own partial index (V30), and only those the filter can match: a status, an
     * overdue case or a responsible waited for names one half.
     */
    List<Case> page(Filter filter, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("upTo", paging.offset() + paging.size());
        params.put("offset", paging.offset());
        params.put("size", paging.size());
        boolean open = filter.status() == null || Case.Status.valueOf(filter.status()).open();
        boolean ended = filter.status() == null ? !filter.openOnly() : !Case.Status.valueOf(filter.status()).open();
        List<String> halves = new ArrayList<>();
        if (open) {
            halves.add("(select " + COLUMNS + ", 0 as half from cases c where c.status in ('OPEN', 'RETURNED') and "
                    + where + " order by c.due_date nulls last, c.opened_at, c.number limit :upTo)");
        }
        if (ended) {
            halves.add("(select " + COLUMNS + ", 1 as half from cases c where c.status not in ('OPEN', 'RETURNED') and "
                    + where + " order by c.opened_at desc, c.number desc limit :upTo)");
        }
        if (halves.isEmpty()) {
            return List.of();
        }
        String sql = "select * from (" + String.join(" union all ", halves) + ") q"
                + " order by half, case when half = 0 then due_date end nulls last,"
                + " case when half = 0 then opened_at end, case when half = 1 then opened_at end desc, number"
                + " offset :offset limit :size";
        var statement = jdbc.sql(sql);
        params.forEach(statement::param);
        List<Row> rows = statement.query(Cases::row).list();
        Map<String, List<Case.Item>> items = items(rows);
        return rows.stream().map(r -> r.toCase(items.getOrDefault(r.number(), List.of()))).toList();
    }

    long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        var statement = jdbc.sql("select count(*) from cases c where " + where(filter, params));
        params.forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.phase() != null) {
            conditions.add("c.phase = :phase");
            params.put("phase", filter.phase());
        }
        if (filter.responsible() != null) { // an open case waiting for it (V32)
            conditions.add("c.status in ('OPEN', 'RETURNED') and c.waiting_on @> array[cast(:responsible as text)]");
            params.put("responsible", filter.responsible());
        }
        if (filter.assignee() != null) {
            conditions.add("c.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.institutionKey() != null) {
            conditions.add("c.institution_key = :institution");
            params.put("institution", filter.institutionKey());
        }
        if (filter.overdue() != null) {
            conditions.add((filter.overdue() ? "" : "not ")
                    + "(c.status in ('OPEN', 'RETURNED') and c.due_date is not null and c.due_date < :today)");
            params.put("today", filter.today());
        }
        if (filter.assessment() != null) {
            conditions.add("c.assessment_id = :assessment");
            params.put("assessment", filter.assessment());
        }
        if (filter.reader() != null) {
            if (filter.reader().email() == null) {
                conditions.add("c.submitted_by = :reader");
            } else {
                conditions.add("(c.submitted_by = :reader or lower(c.requester_email) = lower(:readerEmail))");
                params.put("readerEmail", filter.reader().email());
            }
            params.put("reader", filter.reader().username());
        }
        return String.join(" and ", conditions);
    }

    // --- statistics ---

    record Statistics(Map<String, Long> byStatus, Map<String, Long> byRoute, long overdue,
                      Map<String, Double> medianDaysToDecision) {
    }

    Statistics statistics(LocalDate today) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Case.Status status : Case.Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        jdbc.sql("select status, count(*) from cases group by status")
                .query(rs -> { byStatus.put(rs.getString(1), rs.getLong(2)); });
        Map<String, Long> byRoute = new LinkedHashMap<>();
        jdbc.sql("select route, count(*) from cases group by route order by route")
                .query(rs -> { byRoute.put(rs.getString(1), rs.getLong(2)); });
        long overdue = jdbc.sql("select count(*) from cases where status in ('OPEN', 'RETURNED') and due_date < ?")
                .param(today).query(Long.class).single();
        Map<String, Double> median = new LinkedHashMap<>();
        jdbc.sql("""
                        select route, percentile_cont(0.5) within group
                               (order by extract(epoch from decided_at - opened_at) / 86400) as days
                          from cases where decided_at is not null group by route order by route
                        """)
                .query(rs -> { median.put(rs.getString(1), Math.round(rs.getDouble(2) * 10) / 10.0); });
        return new Statistics(byStatus, byRoute, overdue, median);
    }

    // --- rows ---

    /** Writes {@code which} items of each of {@code owners}, inserted or overwritten, in one statement. */
    private void writeItems(List<Case> owners, java.util.function.Function<Case, List<Case.Item>> which) {
        List<String> numbers = new ArrayList<>();
        List<Case.Item> items = new ArrayList<>();
        for (Case owner : owners) {
            for (Case.Item item : which.apply(owner)) {
                numbers.add(owner.number);
                items.add(item);
            }
        }
        int n = items.size();
        if (n == 0) {
            return;
        }
        String[] codes = new String[n];
        Integer[] positions = new Integer[n];
        String[] da = new String[n];
        String[] en = new String[n];
        String[] responsible = new String[n];
        String[] phases = new String[n];
        Boolean[] mandatory = new Boolean[n];
        String[] rules = new String[n];
        String[] states = new String[n];
        String[] notes = new String[n];
        String[] by = new String[n];
        String[] at = new String[n];
        Boolean[] asked = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Case.Item item = items.get(i);
            codes[i] = item.code;
            positions[i] = item.position;
            da[i] = item.title.da();
            en[i] = item.title.en();
            responsible[i] = item.responsible;
            phases[i] = item.phase;
            mandatory[i] = item.mandatory;
            rules[i] = item.rule;
            states[i] = item.state.name();
            notes[i] = item.note;
            by[i] = item.updatedBy;
            at[i] = item.updatedAt == null ? null : item.updatedAt.toString();
            asked[i] = item.asked;
        }
        jdbc.sql("insert into case_items (" + ITEM_COLUMNS + ")"
                        + " select * from unnest(:numbers, :codes, :positions, :da, :en, :responsible, :phases,"
                        + " :mandatory, :rules, :states, :notes, :by, cast(:at as timestamptz[]), :asked)"
                        + " on conflict (case_number, code) do update set position = excluded.position,"
                        + " title_da = excluded.title_da, title_en = excluded.title_en,"
                        + " responsible = excluded.responsible, phase = excluded.phase, mandatory = excluded.mandatory,"
                        + " rule = excluded.rule, state = excluded.state, note = excluded.note,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at, asked = excluded.asked")
                .param("numbers", numbers.toArray(String[]::new))
                .param("codes", codes)
                .param("positions", positions)
                .param("da", da)
                .param("en", en)
                .param("responsible", responsible)
                .param("phases", phases)
                .param("mandatory", mandatory)
                .param("rules", rules)
                .param("states", states)
                .param("notes", notes)
                .param("by", by)
                .param("at", at)
                .param("asked", asked)
                .update();
    }

    /** Appends the changes of each of {@code changed} to its history, in their order, in one statement. */
    private void appendHistory(List<Case> changed) {
        List<String> numbers = new ArrayList<>();
        List<Case.Change> changes = new ArrayList<>();
        for (Case c : changed) {
            for (Case.Change change : c.changes()) {
                numbers.add(c.number);
                changes.add(change);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] at = new String[n];
        String[] actors = new String[n];
        String[] events = new String[n];
        String[] details = new String[n];
        Boolean[] internal = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Case.Change change = changes.get(i);
            at[i] = change.at().toString();
            actors[i] = change.actor();
            events[i] = change.event();
            details[i] = json.writeValueAsString(change.details());
            internal[i] = change.internal();
        }
        jdbc.sql("insert into case_events (case_number, at, actor, event, details, internal)"
                        + " select num, a, b, c, cast(d as jsonb), e"
                        + " from unnest(:numbers, cast(:at as timestamptz[]), :actors, :events, :details, :internal)"
                        + " with ordinality as t (num, a, b, c, d, e, n) order by n")
                .param("numbers", numbers.toArray(String[]::new))
                .param("at", at)
                .param("actors", actors)
                .param("events", events)
                .param("details", details)
                .param("internal", internal)
                .update();
        changed.forEach(Case::stored);
    }

    /**
     * The items of the cases of {@code rows}: their rows in case_items, or, for a case none of whose items has
     * changed yet, the items of the checklist it opened with.
     */
    private Map<String, List<Case.Item>> items(List<Row> rows) {
        Map<String, List<Case.Item>> items = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return items;
        }
        jdbc.sql("select " + ITEM_COLUMNS + " from case_items where case_number = any(:numbers) order by case_number, position")
                .param("numbers", rows.stream().map(Row::number).toArray(String[]::new))
                .query(rs -> {
                    items.computeIfAbsent(rs.getString("case_number"), k -> new ArrayList<>()).add(new Case.Item(
                            rs.getString("code"), rs.getInt("position"),
                            new Evaluation.Text(rs.getString("title_da"), rs.getString("title_en")),
                            rs.getString("responsible"), rs.getString("phase"), rs.getBoolean("mandatory"),
                            rs.getString("rule"), Case.State.valueOf(rs.getString("state")), rs.getString("note"),
                            rs.getString("updated_by"), instant(rs, "updated_at"), rs.getBoolean("asked")));
                });
        List<String> unread = rows.stream().filter(r -> !items.containsKey(r.number()) && r.openedChecklist() != null)
                .map(Row::openedChecklist).distinct().filter(sha -> !read.containsKey(sha)).toList();
        if (!unread.isEmpty()) {
            if (read.size() >= REMEMBERED) {
                read.clear();
            }
            jdbc.sql("select sha256, items::text from case_checklists where sha256 = any(:shas)")
                    .param("shas", unread.toArray(String[]::new))
                    .query(rs -> {
                        read.put(rs.getString(1), List.of(json.readValue(rs.getString(2), Evaluation.Item[].class)));
                    });
        }
        for (Row r : rows) {
            if (!items.containsKey(r.number()) && r.openedChecklist() != null) {
                List<Evaluation.Item> checklist = read.get(r.openedChecklist());
                if (checklist == null) {
                    throw new IllegalStateException("Case " + r.number() + " names a checklist that is not stored");
                }
                List<Case.Item> opened = new ArrayList<>();
                for (Evaluation.Item item : checklist) {
                    opened.add(Case.Item.of(item, opened.size()));
                }
                items.put(r.number(), opened);
            }
        }
        return items;
    }

    /** A row of {@code cases}, before its items are read. */
    private record Row(String number, UUID assessmentId, String status, String route, String securityReview,
                       String rulesetVersion, String submittedBy, Case.Requester requester, Case.Solution solution,
                       Instant openedAt, LocalDate dueDate, String assignee, Case.Outcome outcome, Instant endedAt,
                       boolean policyChanged, UUID createdPendingEntry, long version, String openedChecklist) {

        Case toCase(List<Case.Item> items) {
            return new Case(number, assessmentId, submittedBy, requester, solution, openedAt,
                    Case.Status.valueOf(status), route, securityReview, rulesetVersion, dueDate, assignee, outcome,
                    endedAt, policyChanged, createdPendingEntry, version, items);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("decision");
        Case.Outcome outcome = decision == null ? null : new Case.Outcome(decision,
                rs.getObject("permission_valid_until", LocalDate.class), rs.getString("decision_note"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
        return new Row(rs.getString("number"), rs.getObject("assessment_id", UUID.class), rs.getString("status"),
                rs.getString("route"), rs.getString("security_review"), rs.getString("ruleset_version"),
                rs.getString("submitted_by"),
                new Case.Requester(rs.getString("requester_name"), rs.getString("requester_email"),
                        rs.getString("institution")),
                new Case.Solution(rs.getString("solution_name"), rs.getString("supplier_name"),
                        rs.getString("supplier_cvr"), rs.getString("solution_kind"), rs.getString("solution_category")),
                instant(rs, "opened_at"), rs.getObject("due_date", LocalDate.class), rs.getString("assignee"),
                outcome, instant(rs, "ended_at"), rs.getBoolean("policy_changed"),
                rs.getObject("created_pending_entry", UUID.class), rs.getLong("version"),
                rs.getString("opened_checklist"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}
