package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.platform.Text;
import dk.kk.itassessment.platform.Unprocessable;
import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.TableChecks;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.RuleSet;
import dk.kk.itassessment.policy.RuleSetRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-set versions and which one decides: drafts made from a base version and the officers' tables, checked
 * down to the cell; approval by a second officer; activation — compiled and warmed up off the request path, then
 * swapped in at once on this instance and announced to the others ({@link ActiveVersionFollower}). Every action
 * goes to the audit trail.
 */
@Service
public class RuleSetLibrary {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLibrary.class);
    static final String CHANNEL = "ruleset_activated";
    /** Announced when a version is approved or about to be activated: every instance compiles it ahead. */
    static final String PREPARE_CHANNEL = "ruleset_prepare";
    /** At most this many versions compiled ahead and not (yet) active, per instance. */
    private static final int PREPARED = 3;
    static final String DEPLOYMENT = "deployment";
    private static final Pattern SCENARIO_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}\\.json");
    private static final int MAX_COMMENT = 2000;

    private final RuleSetVersions versions;
    private final VersionChecks checks;
    private final PolicyEngine engine;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean fourEyes;
    /** Versions compiled (or being compiled) ahead of their activation, oldest first. */
    private final Map<Long, CompletableFuture<RuleSet>> prepared = new LinkedHashMap<>();
    /** The versions this instance is activating (it swaps them in itself): the follower leaves them alone. */
    private final Set<Long> activating = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ruleset-preparer");
        thread.setDaemon(true);
        return thread;
    });

    RuleSetLibrary(RuleSetVersions versions, VersionChecks checks, PolicyEngine engine, AuditTrail audit,
                   TransactionTemplate transaction, JsonMapper json, Clock clock,
                   @Value("${assessment.rulesets.four-eyes:true}") boolean fourEyes) {
        this.versions = versions;
        this.checks = checks;
        this.engine = engine;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.fourEyes = fourEyes;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public RuleSetVersion find(String id) {
        return versions.find(number(id)).orElseThrow(() -> unknown(id));
    }

    public RuleSetVersion active() {
        return versions.active().orElseThrow(() -> new NotFound("No rule-set version is active."));
    }

    public List<RuleSetVersion> list(int limit, long offset) {
        return versions.newest(limit, offset);
    }

    public long count() {
        return versions.count();
    }

    public RuleFiles files(String id) {
        return versions.files(find(id).number());
    }

    // ------------------------------------------------------------------------------------------------ drafts

    /** A file an officer uploaded: its name as sent and its bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    /**
     * A new draft: the base version's files with the uploaded tables in place of the base's tables of the same name,
     * and the uploaded scenarios added. Stored with its report — also when the report has errors (it is then not
     * valid and can be neither approved nor activated). A request that names no table of the base, or a file that
     * is no table at all, is refused and nothing is stored.
     */
    public RuleSetVersion createDraft(String baseId, String comment, List<Upload> tables, List<Upload> scenarios,
                                      Caller caller) {
        List<Problems.FieldError> errors = new ArrayList<>();
        RuleSetVersion base = baseId == null || baseId.isBlank() ? active()
                : versions.find(parse(baseId, errors)).orElse(null);
        if (base == null && errors.isEmpty()) {
            errors.add(new Problems.FieldError("base", "no rule-set version has this id"));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && (note.length() > MAX_COMMENT || Text.forbiddenCharacter(note.replace('\n', ' ')) != null)) {
            errors.add(new Problems.FieldError("comment", "at most " + MAX_COMMENT + " characters of text"));
        }
        if (tables.isEmpty() && scenarios.isEmpty()) {
            errors.add(new Problems.FieldError("table", "send at least one table (or scenario) to change"));
        }
        RuleFiles baseFiles = base == null ? null : versions.files(base.number());
        Map<String, byte[]> files = baseFiles == null ? new TreeMap<>() : new TreeMap<>(baseFiles.files());
        Set<String> seen = new HashSet<>();
        Map<String, byte[]> uploaded = new TreeMap<>();
        for (Upload table : tables) {
            TableFileNames.TableFile file = TableFileNames.parse(table.name()).orElse(null);
            if (file == null) {
                errors.add(new Problems.FieldError("table", "'" + shorten(table.name()) + "' is not a table file name "
                        + "(<name>.drl.xlsx or <name>.drl.csv)"));
                continue;
            }
            String name = file.table();
            if (!seen.add(name)) {
                errors.add(new Problems.FieldError("table", "the table " + name + " is sent twice"));
                continue;
            }
            if (baseFiles == null) {
                continue;
            }
            String replaced = Tables.path(baseFiles, name).orElse(null);
            if (replaced == null) {
                errors.add(new Problems.FieldError("table", "the version " + base.id() + " has no table " + name
                        + "; its tables are " + String.join(", ", Tables.names(baseFiles))));
                continue;
            }
            checkSize(table, "table", errors);
            files.remove(replaced);
            String path = replaced.substring(0, replaced.lastIndexOf('/') + 1) + file.fileName();
            files.put(path, table.bytes());
            uploaded.put(path, table.bytes());
        }
        Set<String> scenarioNames = new HashSet<>();
        for (Upload scenario : scenarios) {
            if (scenario.name() == null || !SCENARIO_FILE.matcher(scenario.name()).matches()) {
                errors.add(new Problems.FieldError("scenario", "'" + shorten(scenario.name()) + "' is not a scenario "
                        + "file name (lower-case letters, digits and -, ending .json)"));
                continue;
            }
            if (!scenarioNames.add(scenario.name())) {
                errors.add(new Problems.FieldError("scenario", "the scenario " + scenario.name() + " is sent twice"));
                continue;
            }
            checkSize(scenario, "scenario", errors);
            files.put(RuleFiles.SCENARIOS + scenario.name(), scenario.bytes()); // a base scenario of that name is replaced
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The draft cannot be made.", errors);
        }
        List<Finding> hostile = new ArrayList<>();
        uploaded.forEach((path, bytes) -> hostile.addAll(TableChecks.guard(path, bytes)));
        if (!hostile.isEmpty()) {
            throw new Unprocessable("A table is not a plain spreadsheet or CSV file; nothing was stored.", hostile);
        }
        RuleFiles draft = new RuleFiles(files);
        versions.findByFingerprint(draft.fingerprint()).ifPresent(same -> {
            throw new Conflict("These files are exactly those of version " + same.id() + ".");
        });
        long id = versions.nextId();
        try (VersionChecks.Checked checked = checks.check(draft, baseFiles, Long.toString(id), true)) {
            Report report = checked.report();
            Instant now = Instant.now(clock);
            try {
                transaction.executeWithoutResult(status -> store(draft, report, id, base, note, caller, now, seen));
            } catch (org.springframework.dao.DuplicateKeyException e) { // the same files, uploaded at the same moment
                throw new Conflict("These files were stored a moment ago as another version.");
            }
            return versions.find(id).orElseThrow();
        }
    }

    private void store(RuleFiles draft, Report report, long id, RuleSetVersion base, String note, Caller caller,
                       Instant now, Set<String> tables) {
        versions.insert(id, draft, RuleSetVersion.Status.DRAFT, report.valid(), base.number(), note,
                caller.username(), now, json.valueToTree(report), null);
        audit.record(caller.username(), "ruleset.draft.created", "ruleset/" + id, details(
                "fingerprint", draft.fingerprint(), "base", base.id(), "valid", report.valid(),
                "tables", tables.stream().sorted().toList(), "errors", report.errors().size()));
    }

    private static void checkSize(Upload upload, String field, List<Problems.FieldError> errors) {
        if (upload.bytes().length > RuleFiles.MAX_FILE_BYTES) {
            errors.add(new Problems.FieldError(field, upload.name() + " is larger than 5 MiB"));
        }
    }

    // ------------------------------------------------------------------------------------------------ approval

    /** A second policy officer approves a valid draft that is not theirs. */
    public RuleSetVersion approve(String id, Caller caller) {
        RuleSetVersion version = find(id);
        if (version.status() != RuleSetVersion.Status.DRAFT) {
            throw new Conflict("Version " + id + " is " + version.status() + "; only a draft is approved.");
        }
        if (!version.valid()) {
            throw new Conflict("Version " + id + " is not valid (see its report); it cannot be approved.");
        }
        if (version.createdBy().equals(caller.username())) {
            throw new Conflict("Version " + id + " is yours; a second policy officer must approve it.");
        }
        if (version.approvedBy() != null) {
            throw new Conflict("Version " + id + " is already approved by " + version.approvedBy() + ".");
        }
        transaction.executeWithoutResult(status -> {
            if (!versions.approve(version.number(), caller.username(), Instant.now(clock))) {
                throw new Conflict("Version " + id + " was approved or changed a moment ago; read it again.");
            }
            audit.record(caller.username(), "ruleset.approved", "ruleset/" + id,
                    details("fingerprint", version.fingerprint()));
            versions.announce(PREPARE_CHANNEL, id);
        });
        return find(id);
    }

    // ------------------------------------------------------------------------------------------------ activation

    /**
     * Makes a version the one that decides, here and (through the database) on every instance: a valid draft
     * (approved by a second officer where four-eyes is on) or an earlier version (a roll-back). It is compiled,
     * checked and warmed up before anything changes; requests in flight finish on the version they started on.
     */
    public RuleSetVersion activate(String id, Caller caller) {
        RuleSetVersion version = find(id);
        if (version.status() == RuleSetVersion.Status.ACTIVE) {
            throw new Conflict("Version " + id + " is already active.");
        }
        if (!version.valid()) {
            throw new Conflict("Version " + id + " is not valid (see its report); it cannot be activated.");
        }
        if (version.status() == RuleSetVersion.Status.DRAFT && fourEyes && version.approvedBy() == null) {
            throw new Conflict("Version " + id + " needs the approval of a second policy officer before it is activated.");
        }
        long number = version.number();
        activating.add(number);
        try {
            RuleSet next;
            try {
                prepareNow(number);
                versions.announceNow(PREPARE_CHANNEL, id); // the other instances compile it while this one does
                next = prepared(number);
            } catch (RuleSetRejected e) { // valid when stored, but it does not build with this build of the service
                throw new Conflict("Version " + id + " does not build with this service: " + String.join("; ", e.problems()));
            }
            try {
                transaction.executeWithoutResult(status -> {
                    versions.lockActivation();
                    String previous = versions.activeId().map(String::valueOf).orElse(null);
                    if (id.equals(previous)) {
                        throw new Conflict("Version " + id + " was activated a moment ago.");
                    }
                    versions.activate(number, caller.username(), Instant.now(clock));
                    audit.record(caller.username(), "ruleset.activated", "ruleset/" + id, details(
                            "fingerprint", version.fingerprint(), "previous", previous,
                            "rollback", version.status() == RuleSetVersion.Status.RETIRED));
                    versions.announce(CHANNEL, id);
                });
                swapTo(number, next);
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
        } finally {
            activating.remove(number);
        }
        log.info("Rule-set version {} ({}) activated by {}", id, version.fingerprint(), caller.username());
        return find(id);
    }

    /**
     * Brings this instance to the version the database says is active, if it is not there yet (after a notification
     * or a poll). Compiles off the request path; a version that no longer builds is logged and the current one kept.
     */
    public void follow() {
        Long active = versions.activeId().orElse(null);
        if (active == null || activating.contains(active) || active.toString().equals(engine.ruleSet().version())) {
            return;
        }
        RuleSet next;
        try {
            next = prepared(active);
        } catch (RuleSetRejected e) {
            log.error("Rule-set version {} became active elsewhere but does not build here; still deciding with {}:\n{}",
                    active, engine.ruleSet().version(), e.getMessage());
            return;
        }
        swapTo(active, next);
        log.info("Following the activation of rule-set version {} ({})", active, next.fingerprint());
    }

    /**
     * Starts compiling a version in the background (after a notification that it was approved or is about to be
     * activated), so that its activation here is a swap, not a compilation. Keeps at most a few.
     */
    public void prepare(long id) {
        if (!activating.contains(id)) { // this instance compiles a version it activates itself, once
            prepareNow(id);
        }
    }

    private void prepareNow(long id) {
        List<CompletableFuture<RuleSet>> evicted = new ArrayList<>();
        synchronized (prepared) {
            if (prepared.containsKey(id) || Long.toString(id).equals(engine.ruleSet().version())) {
                return;
            }
            prepared.put(id, CompletableFuture.supplyAsync(() -> compile(versions.find(id).orElseThrow()), preparer));
            var oldest = prepared.entrySet().iterator();
            while (prepared.size() > PREPARED) {
                evicted.add(oldest.next().getValue());
                oldest.remove();
            }
        }
        evicted.forEach(future -> future.thenAccept(RuleSet::close));
    }

    /** The version compiled: the one prepared ahead (waiting for it if it is being compiled), or compiled now. */
    private RuleSet prepared(long id) {
        CompletableFuture<RuleSet> ahead;
        synchronized (prepared) {
            ahead = prepared.get(id); // stays there while it compiles: a notification for it does not start another
        }
        if (ahead != null) {
            try {
                RuleSet ruleSet = ahead.join();
                boolean claimed;
                synchronized (prepared) {
                    claimed = prepared.remove(id, ahead);
                }
                if (claimed && ruleSet.isOpen()) {
                    return ruleSet;
                }
            } catch (java.util.concurrent.CompletionException e) {
                synchronized (prepared) {
                    prepared.remove(id, ahead); // a later activation tries again
                }
                if (e.getCause() instanceof RuleSetRejected rejected) {
                    throw rejected;
                }
                log.warn("Compiling rule-set version {} ahead failed; compiling it now", id, e.getCause());
            }
        }
        return compile(versions.find(id).orElseThrow());
    }

    /** Swaps in {@code next} if {@code id} is still the active version; one swap at a time, never backwards. */
    private synchronized void swapTo(long id, RuleSet next) {
        if (engine.ruleSet() == next) {
            return;
        }
        if (versions.activeId().filter(active -> active == id).isEmpty()) {
            next.close(); // another activation came in between: the follower brings this instance to that one
            return;
        }
        if (Long.toString(id).equals(engine.ruleSet().version())) {
            next.close();
            return;
        }
        engine.activate(next);
    }

    /** Compiles a stored version under its id and checks what every rule set must keep; warmed up by those checks. */
    RuleSet compile(RuleSetVersion version) {
        RuleFiles files = versions.files(version.number());
        VersionChecks.Checked checked = checks.check(files, null, version.id(), false);
        if (checked.ruleSet() == null) {
            throw new RuleSetRejected(checked.report().errors().stream().map(Finding::describe).toList());
        }
        if (!checked.report().valid()) {
            checked.close();
            List<String> problems = new ArrayList<>(checked.report().errors().stream().map(Finding::describe).toList());
            if (checked.report().scenarios() != null && checked.report().scenarios().failed() > 0) {
                problems.add(checked.report().scenarios().failed() + " golden scenario(s) fail: "
                        + checked.report().scenarios().failures().stream().map(f -> f.file()).toList());
            }
            throw new RuleSetRejected(problems);
        }
        return checked.ruleSet();
    }

    /** Disposes what was compiled ahead and never activated. */
    @jakarta.annotation.PreDestroy
    void close() {
        preparer.shutdownNow();
        synchronized (prepared) {
            prepared.values().forEach(future -> future.thenAccept(RuleSet::close));
            prepared.clear();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static long number(String id) {
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // an unknown id, like any other
        }
        throw unknown(id);
    }

    private static long parse(String id, List<Problems.FieldError> errors) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problems.FieldError("base", "a rule-set version id (a whole number)"));
            return -1;
        }
    }

    private static NotFound unknown(String id) {
        return new NotFound("No rule-set version with id " + shorten(id) + ".");
    }

    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        String s = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return s.replaceAll("[^\\x20-\\x7E\\u00A0-\\u00FF]", "?");
    }
}
