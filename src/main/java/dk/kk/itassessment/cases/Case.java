package dk.kk.itassessment.cases;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.Forbidden;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A case: the checklist of one stored assessment as work, until it is decided. Its methods are its transitions,
 * and each refuses what the rules forbid (CONTRACT.md "Cases") before it changes anything: an item of a case that is
 * no longer open does not change, {@code GRANTED} needs every mandatory item {@code DONE} or {@code NOT_APPLICABLE},
 * a mandatory item is {@code NOT_APPLICABLE} only with a note, an item goes back to the requester with a note and
 * takes the case to {@code RETURNED} until the requester has answered every such item; a case whose route grants
 * nothing closes once its mandatory items are done. Each transition raises {@link #version} once and records
 * what changed in {@link #changes()} (the history the repository appends).
 */
final class Case {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** The phases in POLICY.md's order. */
    static final List<String> PHASES = List.of("BEFORE_PURCHASE", "INTAKE", "CONSOLIDATION", "DESCRIPTION",
            "ASSESSMENT", "BEFORE_USE");
    static final String REQUEST_DATA_AGREEMENT_APPROVAL = "REQUEST_DATA_AGREEMENT_APPROVAL";

    enum Status {
        OPEN, RETURNED, GRANTED, REFUSED, WITHDRAWN, CLOSED;

        boolean open() {
            return this == OPEN || this == RETURNED;
        }
    }

    enum State { OPEN, DONE, NOT_APPLICABLE, RETURNED }

    record Requester(String name, String email, String institution) {
    }

    record Solution(String name, String supplierName, String supplierCvr, String kind, String category) {
    }

    record Outcome(String decision, LocalDate permissionValidUntil, String note, String decidedBy, Instant decidedAt) {
    }

    /**
     * Who acts: their user name, e-mail address (null when none) and the roles that matter to a case.
     * {@code administrativeStaff} acts for {@code ADMINISTRATIVE_STAFF} items of a case they may read.
     */
    record Actor(String username, String email, boolean reviewer, boolean administrativeStaff) {
    }

    /** One entry of the history: what happened, and its facts; {@code internal} ones are not shown to requesters. */
    record Change(Instant at, String actor, String event, Map<String, Object> details, boolean internal) {
    }

    /** An item of the checklist and where it stands. */
    static final class Item {
        final String code;
        int position;
        Evaluation.Text title;
        String responsible;
        String phase;
        boolean mandatory;
        String rule;
        State state;
        String note;
        String updatedBy;
        Instant updatedAt;
        /** Whether the decision the case follows asks for it (false: dropped by a reassessment, kept for the record). */
        boolean asked;

        Item(String code, int position, Evaluation.Text title, String responsible, String phase, boolean mandatory,
             String rule, State state, String note, String updatedBy, Instant updatedAt, boolean asked) {
            this.asked = asked;
            this.code = code;
            this.position = position;
            this.title = title;
            this.responsible = responsible;
            this.phase = phase;
            this.mandatory = mandatory;
            this.rule = rule;
            this.state = state;
            this.note = note;
            this.updatedBy = updatedBy;
            this.updatedAt = updatedAt;
        }

        static Item of(Evaluation.Item decided, int position) {
            return new Item(decided.code(), position, decided.title(), decided.responsible(), decided.phase(),
                    decided.mandatory(), decided.rule(), State.OPEN, null, null, null, true);
        }

        boolean settled() {
            return state == State.DONE || state == State.NOT_APPLICABLE;
        }

        /** What the decision asks of the item: its responsible, phase and whether it is mandatory. */
        String asked() {
            return responsible + "/" + phase + "/" + (mandatory ? "mandatory" : "optional");
        }
    }

    final String number;
    final UUID assessmentId;
    final String submittedBy;
    final Requester requester;
    final Solution solution;
    final Instant openedAt;
    Status status;
    String route;
    String securityReview;
    String rulesetVersion;
    LocalDate dueDate;
    String assignee;
    Outcome outcome;
    Instant endedAt;
    boolean policyChanged;
    UUID createdPendingEntry;
    long version;
    final List<Item> items;
    private final Set<String> changedItems = new LinkedHashSet<>();
    private final List<Change> changes = new ArrayList<>();

    Case(String number, UUID assessmentId, String submittedBy, Requester requester, Solution solution,
         Instant openedAt, Status status, String route, String securityReview, String rulesetVersion,
         LocalDate dueDate, String assignee, Outcome outcome, Instant endedAt, boolean policyChanged,
         UUID createdPendingEntry, long version, List<Item> items) {
        this.number = number;
        this.assessmentId = assessmentId;
        this.submittedBy = submittedBy;
        this.requester = requester;
        this.solution = solution;
        this.openedAt = openedAt;
        this.status = status;
        this.route = route;
        this.securityReview = securityReview;
        this.rulesetVersion = rulesetVersion;
        this.dueDate = dueDate;
        this.assignee = assignee;
        this.outcome = outcome;
        this.endedAt = endedAt;
        this.policyChanged = policyChanged;
        this.createdPendingEntry = createdPendingEntry;
        this.version = version;
        this.items = new ArrayList<>(items);
    }

    /** The case a stored assessment opens: its checklist, every item {@code OPEN}. */
    static Case open(String number, UUID assessmentId, Instant openedAt, String submitter, Requester requester,
                     Solution solution, Evaluation decision) {
        List<Item> items = new ArrayList<>();
        for (Evaluation.Item item : decision.checklist()) {
            items.add(Item.of(item, items.size()));
        }
        Case opened = new Case(number, assessmentId, submitter, requester, solution, openedAt, Status.OPEN,
                decision.route(), decision.securityReview(), decision.rulesetVersion(),
                dueDate(openedAt, decision.estimatedProcessingDays()), null, null, null, false, null, 1, items);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("route", decision.route());
        details.put("items", items.size());
        details.put("rulesetVersion", decision.rulesetVersion());
        opened.changes.add(new Change(openedAt, submitter, "OPENED", details, false));
        return opened;
    }

    static LocalDate dueDate(Instant openedAt, Integer processingDays) {
        return processingDays == null ? null : openedAt.atZone(COPENHAGEN).toLocalDate().plusDays(processingDays);
    }

    // --- what the case says about itself ---

    /** The phase of the first mandatory item still {@code OPEN} or {@code RETURNED}, in POLICY.md's order; or null. */
    String phase() {
        return items.stream()
                .filter(item -> item.mandatory && !item.settled())
                .map(item -> item.phase)
                .min(java.util.Comparator.comparingInt(PHASES::indexOf))
                .orElse(null);
    }

    boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && today.isAfter(dueDate);
    }

    /**
     * Whether a decision can grant something: the acquisitions, a data agreement request, and using an existing
     * permission where a data agreement approval is asked for. The others close when their items are done.
     */
    boolean grantsSomething() {
        return switch (route) {
            case "FULL_ACQUISITION", "FAST_TRACK_ACQUISITION", "DATA_AGREEMENT_REQUEST" -> true;
            case "USE_EXISTING_PERMISSION" -> items.stream().anyMatch(i -> i.code.equals(REQUEST_DATA_AGREEMENT_APPROVAL)
                    && i.asked);
            default -> false;
        };
    }

    /** The caller submitted the request, or is the account whose e-mail address is the requester's. */
    boolean isRequester(Actor actor) {
        return actor.username().equals(submittedBy)
                || actor.email() != null && actor.email().equalsIgnoreCase(requester.email());
    }

    Item item(String code) {
        return items.stream().filter(i -> i.code.equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("Case " + number + " has no item " + code + "."));
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    Set<String> changedItems() {
        return Set.copyOf(changedItems);
    }

    /** Forgets the changes once they are stored. */
    void stored() {
        changes.clear();
        changedItems.clear();
    }

    // --- the transitions of an item ---

    void markDone(String code, String note, Actor actor, Instant at) {
        changeItem(code, State.DONE, note, actor, at);
    }

    /** Not needed for this case; a mandatory item says why in its note. */
    void notApplicable(String code, String note, Actor actor, Instant at) {
        changeItem(code, State.NOT_APPLICABLE, note, actor, at);
    }

    /** Sent back to the requester with what is missing: the case is {@code RETURNED} until they answer. */
    void returnToRequester(String code, String note, Actor actor, Instant at) {
        changeItem(code, State.RETURNED, note, actor, at);
    }

    /** Open again (e.g. a tick made by mistake, or the requester's answer to a returned item). */
    void reopen(String code, String note, Actor actor, Instant at) {
        changeItem(code, State.OPEN, note, actor, at);
    }

    void changeItem(String code, State state, String note, Actor actor, Instant at) {
        Objects.requireNonNull(state, "state");
        mustBeOpen("its items do not change");
        Item item = item(code);
        mayActOn(item, actor);
        if (state == State.RETURNED && !actor.reviewer()) {
            throw new Forbidden("Only a reviewer sends an item back to the requester.");
        }
        if (state == State.RETURNED && blank(note)) {
            throw new InvalidRequest("note", "is required when an item is sent back to the requester: say what is missing");
        }
        if (state == State.NOT_APPLICABLE && item.mandatory && blank(note)) {
            throw new InvalidRequest("note", "is required when a mandatory item is not applicable: say why");
        }
        State before = item.state;
        item.state = state;
        item.note = blank(note) ? null : note;
        item.updatedBy = actor.username();
        item.updatedAt = at;
        changedItems.add(code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("item", code);
        details.put("from", before.name());
        details.put("to", state.name());
        if (item.note != null) {
            details.put("note", item.note);
        }
        record(at, actor.username(), "ITEM_" + state.name(), details, false);
        Status was = status;
        if (state == State.RETURNED) {
            status = Status.RETURNED;
        } else if (status == Status.RETURNED && items.stream().noneMatch(i -> i.state == State.RETURNED)) {
            status = Status.OPEN;
        }
        if (status != was) {
            recordStatus(at, actor.username(), was);
        }
        closeWhenDone(at, actor.username());
    }

    /** Who may act on an item, by its {@code responsible} (CONTRACT.md); a returned item the requester answers too. */
    private void mayActOn(Item item, Actor actor) {
        if (!mayAct(item, actor)) {
            throw new Forbidden("Item " + item.code + " of case " + number + " is for " + item.responsible
                    + (item.responsible.equals("REQUESTER") ? " (the case's requester)" : "") + " or a reviewer.");
        }
    }

    /** Whether {@code actor} may change {@code item} at all (the rule {@link #changeItem} enforces). */
    boolean mayAct(Item item, Actor actor) {
        if (actor.reviewer()) {
            return true;
        }
        return switch (item.responsible) {
            case "REQUESTER" -> isRequester(actor);
            case "ADMINISTRATIVE_STAFF" -> actor.administrativeStaff();
            default -> false;
        } || item.state == State.RETURNED && isRequester(actor);
    }

    /**
     * The states {@code actor} may move {@code item} to now, without the one it has: none when the case is no
     * longer open or the item is not theirs; {@code RETURNED} only for a reviewer. What a page offers.
     */
    List<State> statesFor(Item item, Actor actor) {
        if (!status.open() || !mayAct(item, actor)) {
            return List.of();
        }
        List<State> states = new ArrayList<>();
        for (State state : State.values()) {
            if (state != item.state && (state != State.RETURNED || actor.reviewer())) {
                states.add(state);
            }
        }
        return states;
    }

    /** Whether {@code actor} may withdraw the case now (the rule {@link #withdraw} enforces). */
    boolean mayWithdraw(Actor actor) {
        return status.open() && (actor.reviewer() || isRequester(actor));
    }

    /** Whether a decision may be taken now, apart from the items still to settle for GRANTED (then named). */
    boolean decidable() {
        return status == Status.OPEN && grantsSomething();
    }

    /** A case that grants nothing is {@code CLOSED} once each mandatory item is done or not applicable. */
    private void closeWhenDone(Instant at, String actor) {
        if (status == Status.OPEN && !grantsSomething() && items.stream().allMatch(i -> !i.mandatory || i.settled())) {
            end(Status.CLOSED, at);
            recordStatus(at, actor, Status.OPEN);
        }
    }

    // --- the decision and the other changes of the whole case ---

    /** Grants the permission: only where the route grants something, and with every mandatory item settled. */
    void grant(LocalDate permissionValidUntil, String note, Actor actor, Instant at) {
        decide("GRANTED", permissionValidUntil, note, actor, at);
    }

    void refuse(String note, Actor actor, Instant at) {
        decide("REFUSED", null, note, actor, at);
    }

    private void decide(String decision, LocalDate validUntil, String note, Actor actor, Instant at) {
        mustBeOpen("it is decided once");
        if (!grantsSomething()) {
            throw new Conflict("Case " + number + " (" + route + ") grants nothing to decide: it closes when its "
                    + "items are done.");
        }
        if (status == Status.RETURNED) {
            throw new Conflict("Case " + number + " waits for the requester's answer to "
                    + String.join(", ", codes(State.RETURNED)) + ".");
        }
        if (decision.equals("GRANTED")) {
            List<String> open = items.stream().filter(i -> i.mandatory && !i.settled()).map(i -> i.code).toList();
            if (!open.isEmpty()) {
                throw new Conflict("Mandatory items are neither DONE nor NOT_APPLICABLE: " + String.join(", ", open) + ".");
            }
        }
        outcome = new Outcome(decision, validUntil, blank(note) ? null : note, actor.username(), at);
        Status was = status;
        end(Status.valueOf(decision), at);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", decision);
        if (validUntil != null) {
            details.put("permissionValidUntil", validUntil.toString());
        }
        if (outcome.note() != null) {
            details.put("note", outcome.note());
        }
        details.put("from", was.name());
        record(at, actor.username(), decision, details, false);
    }

    void withdraw(String note, Actor actor, Instant at) {
        mustBeOpen("it cannot be withdrawn");
        if (!mayWithdraw(actor)) {
            throw new Forbidden("Only the case's requester or a reviewer withdraws case " + number + ".");
        }
        Status was = status;
        end(Status.WITHDRAWN, at);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", was.name());
        if (!blank(note)) {
            details.put("note", note);
        }
        record(at, actor.username(), "WITHDRAWN", details, false);
    }

    void assign(String username, Actor actor, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", assignee);
        details.put("to", username);
        assignee = username;
        record(at, actor.username(), "ASSIGNED", details, false);
    }

    /** A comment; an internal one (and its entry in the history) is seen only by reviewers, officers and admins. */
    void comment(String text, boolean internal, Actor actor, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("internal", internal);
        details.put("text", text);
        record(at, actor.username(), "COMMENTED", details, internal);
    }

    /** The effect on the registry, as the history tells it. */
    void registryChanged(String what, Map<String, Object> facts, String actor, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>(facts);
        details.put("change", what);
        changes.add(new Change(at, actor, "REGISTRY_UPDATED", details, false));
    }

    // --- when the policy changes ---

    /** How a decision of the active version differs from the case's: route, review level, items; empty when not. */
    List<String> differences(Evaluation now) {
        List<String> differences = new ArrayList<>();
        if (!now.route().equals(route)) {
            differences.add("route " + route + " → " + now.route());
        }
        if (!now.securityReview().equals(securityReview)) {
            differences.add("securityReview " + securityReview + " → " + now.securityReview());
        }
        Map<String, Item> current = new LinkedHashMap<>();
        items.stream().filter(i -> i.asked).forEach(i -> current.put(i.code, i));
        Set<String> asked = new LinkedHashSet<>();
        for (Evaluation.Item item : now.checklist()) {
            asked.add(item.code());
            Item had = current.get(item.code());
            if (had == null) {
                differences.add("item added " + item.code());
            } else {
                String then = had.asked();
                String nowAsked = item.responsible() + "/" + item.phase() + "/" + (item.mandatory() ? "mandatory" : "optional");
                if (!then.equals(nowAsked)) {
                    differences.add("item " + item.code() + " " + then + " → " + nowAsked);
                }
            }
        }
        current.keySet().stream().filter(code -> !asked.contains(code))
                .forEach(code -> differences.add("item dropped " + code));
        return differences;
    }

    /**
     * The active version would decide otherwise ({@code differences} not empty) or, after it changed back, the same:
     * {@code policyChanged} follows, with a history entry naming the differences. False when nothing changed.
     */
    boolean policyEvaluated(String versionId, List<String> differences, Instant at) {
        boolean differs = !differences.isEmpty();
        if (!status.open() || differs == policyChanged && !differs) {
            return false;
        }
        policyChanged = differs;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rulesetVersion", versionId);
        details.put("differences", differences);
        record(at, "system", differs ? "POLICY_CHANGED" : "POLICY_UNCHANGED", details, false);
        return true;
    }


    /**
     * Takes the decision of the active version: its route, review level and due date; new items are added
     * {@code OPEN}, items it no longer asks for become {@code NOT_APPLICABLE} with a note naming the version (one
     * already {@code DONE} stays {@code DONE}), the others keep their state and take what the decision now asks.
     */
    void reassess(Evaluation now, Actor actor, Instant at) {
        mustBeOpen("it is not reassessed");
        List<String> differences = differences(now);
        Map<String, Item> byCode = new LinkedHashMap<>();
        items.forEach(i -> byCode.put(i.code, i));
        List<Item> next = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Evaluation.Item decided : now.checklist()) {
            Item had = byCode.remove(decided.code());
            if (had == null) {
                next.add(Item.of(decided, next.size()));
                added.add(decided.code());
            } else {
                had.position = next.size();
                had.title = decided.title();
                had.responsible = decided.responsible();
                had.phase = decided.phase();
                had.mandatory = decided.mandatory();
                had.rule = decided.rule();
                if (!had.asked && had.state == State.NOT_APPLICABLE) {
                    had.state = State.OPEN; // asked for again
                    had.note = null;
                    had.updatedBy = actor.username();
                    had.updatedAt = at;
                }
                had.asked = true;
                next.add(had);
            }
            changedItems.add(decided.code());
        }
        for (Item left : byCode.values()) {
            left.position = next.size();
            if (left.asked && left.state != State.DONE) {
                left.state = State.NOT_APPLICABLE;
                left.note = "Ikke længere krævet af regelsæt version " + now.rulesetVersion() + " / no longer asked for by "
                        + "rule-set version " + now.rulesetVersion();
                left.updatedBy = actor.username();
                left.updatedAt = at;
                dropped.add(left.code);
            }
            left.asked = false;
            next.add(left);
            changedItems.add(left.code);
        }
        items.clear();
        items.addAll(next);
        String routeBefore = route;
        route = now.route();
        securityReview = now.securityReview();
        rulesetVersion = now.rulesetVersion();
        dueDate = dueDate(openedAt, now.estimatedProcessingDays());
        policyChanged = false;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rulesetVersion", now.rulesetVersion());
        details.put("differences", differences);
        details.put("added", added);
        details.put("notApplicable", dropped);
        if (!routeBefore.equals(route)) {
            details.put("routeBefore", routeBefore);
        }
        record(at, actor.username(), "REASSESSED", details, false);
        if (status == Status.RETURNED && items.stream().noneMatch(i -> i.state == State.RETURNED)) {
            status = Status.OPEN;
            recordStatus(at, actor.username(), Status.RETURNED);
        }
        closeWhenDone(at, actor.username());
    }

    // --- helpers ---

    private void mustBeOpen(String what) {
        if (!status.open()) {
            throw new Conflict("Case " + number + " is " + status + ": " + what + ".");
        }
    }

    private void end(Status ended, Instant at) {
        status = ended;
        endedAt = at;
    }

    private void record(Instant at, String actor, String event, Map<String, Object> details, boolean internal) {
        if (changes.isEmpty()) {
            version++; // one transition, one version
        }
        changes.add(new Change(at, actor, event, details, internal));
    }

    private void recordStatus(Instant at, String actor, Status was) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", was.name());
        details.put("to", status.name());
        changes.add(new Change(at, actor, "STATUS_CHANGED", details, false));
    }

    private List<String> codes(State state) {
        return items.stream().filter(i -> i.state == state).map(i -> i.code).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
