package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.AssessmentService;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.PreconditionFailed;
import dk.kk.itassessment.platform.PreconditionRequired;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.platform.Text;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.registry.Names;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations on cases (CONTRACT.md "Cases"): read what the caller may read, and change a case in one
 * transaction — the case locked, its version checked against {@code If-Match}, the transition made by {@link Case},
 * the registry told, the history appended, every change audited and {@link CaseChanged} published — or not at all.
 */
@Service
class CaseService {

    private static final Pattern NUMBER = Pattern.compile("BUF-\\d{4}-\\d{5,9}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final Cases cases;
    private final RegistryEffects registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AssessmentService assessments;
    private final JsonBody json;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper mapper;

    CaseService(Cases cases, RegistryEffects registry, AuditTrail audit, ApplicationEventPublisher events,
                AssessmentService assessments, JsonBody json, TransactionTemplate transaction, Clock clock,
                JsonMapper mapper) {
        this.mapper = mapper;
        this.cases = cases;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.assessments = assessments;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    // --- reading ---

    record Page(List<CaseView> items, int page, int size, long total) {
    }

    Page list(Map<String, String> query, Caller caller) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Paging paging = Paging.of(query.get("page"), query.get("size"),
                (field, message) -> errors.add(new Problems.FieldError(field, message)));
        String status = oneOf(query, "status", names(Case.Status.values()), errors);
        String phase = oneOf(query, "phase", Case.PHASES, errors);
        String responsible = oneOf(query, "responsible", List.of("REQUESTER", "ADMINISTRATIVE_STAFF",
                "DIGITALISATION_OFFICE", "GROUP_IT", "DPO", "SUPPLIER"), errors);
        String assignee = line(query, "assignee", errors);
        String institution = line(query, "institution", errors);
        String overdue = oneOf(query, "overdue", List.of("true", "false"), errors);
        String assessment = present(query.get("assessment"));
        UUID assessmentId = null;
        if (assessment != null) {
            try {
                assessmentId = assessment.length() == 36 ? UUID.fromString(assessment) : null;
            } catch (IllegalArgumentException e) {
                assessmentId = null;
            }
            if (assessmentId == null) {
                errors.add(new Problems.FieldError("assessment", "must be an assessment's id (a UUID)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The query has invalid parameters.", errors);
        }
        LocalDate today = today();
        Cases.Filter filter = new Cases.Filter(status, phase, responsible, assignee,
                institution == null ? null : Names.normalise(institution),
                overdue == null ? null : Boolean.valueOf(overdue), assessmentId, readerOf(caller), today);
        List<CaseView> items = cases.page(filter, paging).stream().map(c -> CaseView.of(c, today, null)).toList();
        return new Page(items, paging.page(), paging.size(), cases.count(filter));
    }

    CaseView get(String number, Caller caller) {
        Case found = readable(number, caller, false);
        return view(found, caller);
    }

    record HistoryEntry(Instant at, String actor, String event, tools.jackson.databind.JsonNode details) {
    }

    List<HistoryEntry> history(String number, Caller caller) {
        Case found = readable(number, caller, false);
        return cases.history(found.number, seesInternal(caller)).stream()
                .map(e -> new HistoryEntry(e.at(), e.actor(), e.event(), mapper.readTree(e.details())))
                .toList();
    }

    /** What the case file shows: the case, its comments and history as the caller may see them, the assessment. */
    record CaseFileContent(CaseView view, List<Cases.Event> history, String assessment) {
    }

    CaseFileContent caseFile(String number, Caller caller) {
        Case found = readable(number, caller, false);
        return new CaseFileContent(view(found, caller), cases.history(found.number, seesInternal(caller)),
                assessments.find(found.assessmentId.toString(), caller));
    }

    /**
     * What the caller may do with a case now: per item the states they may move it to, and the case's other
     * operations — the role rules of the API's chain (WebSecurity) and the case's own rules ({@link Case}) together,
     * so that a page offers exactly what the API would not refuse with 403 (or 409 where the case tells in advance).
     */
    record Actions(Map<String, List<String>> items, boolean comment, boolean assign, boolean decide,
                   boolean withdraw, boolean reassess) {

        boolean mayChange(String code, String state) {
            return items.getOrDefault(code, List.of()).contains(state);
        }
    }

    /** Everything the case page shows: the case, its history, the assessment, and what the caller may do. */
    record CasePage(CaseView view, List<HistoryEntry> history, JsonNode assessment, Actions actions,
                    boolean seesInternal, Map<String, Evaluation.Text> askedNow) {
    }

    /**
     * The case page's content; when the policy changed, {@code askedNow} holds the titles of the items the active
     * version would ask for (a new item's title is known only there).
     */
    CasePage page(String number, Caller caller) {
        Case found = readable(number, caller, false);
        Map<String, Evaluation.Text> askedNow = new LinkedHashMap<>();
        if (found.policyChanged && found.status.open()) {
            assessments.decideAgain(found.assessmentId).checklist().forEach(i -> askedNow.put(i.code(), i.title()));
        }
        return new CasePage(view(found, caller), history(number, caller),
                mapper.readTree(assessments.find(found.assessmentId.toString(), caller)), actions(found, caller),
                seesInternal(caller), askedNow);
    }

    Actions actions(String number, Caller caller) {
        return actions(readable(number, caller, false), caller);
    }

    private static Actions actions(Case c, Caller caller) {
        Case.Actor actor = actorOf(caller);
        boolean works = caller.hasAnyRole(WORKERS);
        boolean reviewer = caller.hasAnyRole(Role.REVIEWER);
        Map<String, List<String>> items = new LinkedHashMap<>();
        if (works) {
            for (Case.Item item : c.items) {
                List<String> states = c.statesFor(item, actor).stream().map(Enum::name).toList();
                if (!states.isEmpty()) {
                    items.put(item.code, states);
                }
            }
        }
        return new Actions(Map.copyOf(items), reviewer, reviewer, reviewer && c.decidable(),
                works && c.mayWithdraw(actor), reviewer && c.status.open() && c.policyChanged);
    }

    /** The roles the API lets work items and withdraw (WebSecurity); the case then decides whose they are. */
    private static final Role[] WORKERS = {Role.REQUESTER, Role.ADMINISTRATIVE_STAFF, Role.INTAKE_CLIENT,
            Role.REVIEWER, Role.ADMIN};

    /** Whether the caller's role may work items and withdraw at all (WebSecurity's rule for those operations). */
    static boolean works(Caller caller) {
        return caller.hasAnyRole(WORKERS);
    }

    /** Whether the caller's role comments, assigns, decides and reassesses (WebSecurity: reviewers only). */
    static boolean reviews(Caller caller) {
        return caller.hasAnyRole(Role.REVIEWER);
    }

    /** Whether the caller reads every case (the queue) rather than only their own. */
    static boolean readsEveryCase(Caller caller) {
        return seesAll(caller);
    }

    Cases.Statistics statistics() {
        return cases.statistics(today());
    }

    // --- changing ---

    CaseView changeItem(String number, String code, byte[] body, String ifMatch, Caller caller) {
        if (!CODE.matcher(code).matches()) {
            throw new NotFound("Case " + Text.printable(number) + " has no item " + Text.printable(code) + ".");
        }
        CaseBodies.ItemChange change = CaseBodies.itemChange(json.read(body));
        return change(number, ifMatch, true, caller, (c, actor, at) -> {
            c.changeItem(code, change.state(), change.note(), actor, at);
            registry.itemChanged(c, code, change.state(), actor.username(), at);
        });
    }

    CaseView comment(String number, byte[] body, String ifMatch, Caller caller) {
        CaseBodies.Comment comment = CaseBodies.comment(json.read(body));
        return change(number, ifMatch, false, caller, (c, actor, at) -> {
            c.comment(comment.text(), comment.internal(), actor, at);
            cases.insertComment(c.number, actor.username(), at, comment.text(), comment.internal());
        });
    }

    CaseView assign(String number, byte[] body, String ifMatch, Caller caller) {
        String username = CaseBodies.assignee(json.read(body));
        return change(number, ifMatch, false, caller, (c, actor, at) -> c.assign(username, actor, at));
    }

    CaseView decide(String number, byte[] body, String ifMatch, Caller caller) {
        CaseBodies.Decision decision = CaseBodies.decision(json.read(body), today());
        return change(number, ifMatch, true, caller, (c, actor, at) -> {
            if (decision.decision().equals("GRANTED")) {
                c.grant(decision.permissionValidUntil(), decision.note(), actor, at);
            } else {
                c.refuse(decision.note(), actor, at);
            }
            registry.decided(c, actor.username(), at);
        });
    }

    CaseView withdraw(String number, byte[] body, String ifMatch, Caller caller) {
        String note = body == null || body.length == 0 ? null : CaseBodies.withdrawal(json.read(body));
        return change(number, ifMatch, false, caller, (c, actor, at) -> {
            c.withdraw(note, actor, at);
            registry.withdrawn(c, actor.username(), at);
        });
    }

    /** Takes the decision of the active rule-set version (evaluated before the case is locked: it takes a while). */
    CaseView reassess(String number, String ifMatch, Caller caller) {
        Case found = readable(number, caller, false);
        Evaluation now = assessments.decideAgain(found.assessmentId);
        return change(number, ifMatch, false, caller, (c, actor, at) -> c.reassess(now, actor, at));
    }

    /**
     * After another version became active: whether the case would be decided otherwise now. Changes the case (and
     * its history) only when its {@code policyChanged} changes or the differences do.
     */
    void checkPolicy(String number, String versionId) {
        Case found = cases.find(number, false).orElse(null);
        if (found == null || !found.status.open()) {
            return;
        }
        Evaluation now = assessments.decideAgain(found.assessmentId);
        if (!now.rulesetVersion().equals(versionId)) {
            return; // yet another version became active meanwhile: its own check follows
        }
        transaction.executeWithoutResult(status -> {
            Case locked = cases.find(number, true).orElseThrow();
            long read = locked.version;
            Instant at = now();
            if (locked.policyEvaluated(versionId, locked.differences(now), at) && cases.update(locked, read)) {
                published(locked, "system", at);
            }
        });
    }

    // --- the shape of every change ---

    interface Transition {
        void apply(Case c, Case.Actor actor, Instant at);
    }

    private CaseView change(String number, String ifMatch, boolean versionRequired, Caller caller, Transition transition) {
        return transaction.execute(status -> {
            Case c = readable(number, caller, true);
            long read = c.version;
            if (ifMatch == null || ifMatch.isBlank()) {
                if (versionRequired) {
                    throw new PreconditionRequired("Send the version you read as If-Match: \"" + read + "\" (the ETag of "
                            + "GET /api/v1/cases/" + c.number + ").");
                }
            } else if (!matches(ifMatch, read)) {
                throw new PreconditionFailed("Case " + c.number + " changed since you read it: it is at version " + read
                        + ". Read it again and decide once more.");
            }
            Instant at = now();
            transition.apply(c, actorOf(caller), at);
            List<Case.Change> changes = c.changes();
            if (!cases.update(c, read)) {
                throw new PreconditionFailed("Case " + c.number + " changed meanwhile. Read it again.");
            }
            for (Case.Change change : changes) {
                audit.record(change.actor(), "case." + change.event().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "case/" + c.number, facts(change.details()));
            }
            events.publishEvent(new CaseChanged(c.number, c.version, caller.username(), at,
                    changes.stream().map(Case.Change::event).toList(), changes.stream().allMatch(Case.Change::internal)));
            return view(c, caller);
        });
    }

    private void published(Case c, String actor, Instant at) {
        audit.record(actor, "case.policy-evaluated", "case/" + c.number,
                Map.of("policyChanged", c.policyChanged, "rulesetVersion", c.rulesetVersion));
        events.publishEvent(new CaseChanged(c.number, c.version, actor, at, List.of("POLICY_CHANGED"), false));
    }

    /** The audit trail keeps facts, never free text (notes, comments): it cannot be edited. */
    private static Map<String, Object> facts(Map<String, Object> details) {
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.remove("note");
        facts.remove("text");
        facts.remove("differences");
        return facts;
    }

    private static boolean matches(String ifMatch, long version) {
        for (String tag : ifMatch.split(",", 10)) {
            var m = VERSION.matcher(tag.strip());
            if (m.matches() && Long.parseLong(m.group(1)) == version) {
                return true;
            }
        }
        return false;
    }

    // --- who reads, who acts ---

    Case readable(String number, Caller caller, boolean forUpdate) {
        NotFound unknown = new NotFound("No case " + Text.printable(number) + ".");
        if (!NUMBER.matcher(number).matches()) {
            throw unknown;
        }
        Case found = cases.find(number, forUpdate).orElseThrow(() -> unknown);
        if (!seesAll(caller) && !found.isRequester(actorOf(caller))) {
            throw unknown; // not told that it exists
        }
        return found;
    }

    private CaseView view(Case c, Caller caller) {
        return CaseView.of(c, today(), cases.comments(c.number, seesInternal(caller)));
    }

    /** Reading a case follows reading its assessment: reviewers, policy officers and admins read every one. */
    private static boolean seesAll(Caller caller) {
        return caller.hasAnyRole(Role.REVIEWER, Role.POLICY_OFFICER, Role.ADMIN);
    }

    private static boolean seesInternal(Caller caller) {
        return caller.hasAnyRole(Role.REVIEWER, Role.POLICY_OFFICER, Role.ADMIN);
    }

    private static Cases.Reader readerOf(Caller caller) {
        return seesAll(caller) ? null : new Cases.Reader(caller.username(), caller.email());
    }

    private static Case.Actor actorOf(Caller caller) {
        return new Case.Actor(caller.username(), caller.email(), caller.hasAnyRole(Role.REVIEWER),
                caller.hasAnyRole(Role.ADMINISTRATIVE_STAFF));
    }

    // --- helpers ---

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Case.COPENHAGEN));
    }

    private static String oneOf(Map<String, String> query, String name, List<String> allowed,
                                List<Problems.FieldError> errors) {
        String value = present(query.get(name));
        if (value != null && !allowed.contains(value)) {
            errors.add(new Problems.FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    private static String line(Map<String, String> query, String name, List<Problems.FieldError> errors) {
        String value = present(query.get(name));
        if (value == null) {
            return null;
        }
        String forbidden = Text.forbiddenInLine(value);
        if (forbidden != null || value.length() > 200) {
            errors.add(new Problems.FieldError(name, forbidden != null ? forbidden : "at most 200 characters"));
            return null;
        }
        return value;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
