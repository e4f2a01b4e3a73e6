package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.platform.Text;
import dk.kk.itassessment.platform.Unprocessable;
import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.TableChecks;
import dk.kk.itassessment.scenarios.ScenarioFiles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts: made from a base version and the officers' tables and scenarios, checked down to the cell and stored with
 * their report, also when it has errors (such a draft is not valid and can be neither approved nor activated); made
 * from another draft whose scenario outcomes are accepted; withdrawn.
 */
@Service
class RuleSetDrafts {

    private static final Pattern SCENARIO_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}\\.json");
    private static final int MAX_COMMENT = 2000;

    private final RuleSetVersions versions;
    private final RuleSetCatalog catalog;
    private final VersionChecks checks;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    RuleSetDrafts(RuleSetVersions versions, RuleSetCatalog catalog, VersionChecks checks, AuditTrail audit,
                  TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.versions = versions;
        this.catalog = catalog;
        this.checks = checks;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** A file an officer uploaded: its name as sent and its bytes. */
    record Upload(String name, byte[] bytes) {
    }

    /**
     * A new draft: the base version's files with the uploaded tables in place of the base's tables of the same name,
     * and the uploaded scenarios added. Stored with its report — also when the report has errors (it is then not
     * valid and can be neither approved nor activated). A request that names no table of the base, or a file that
     * is no table at all, is refused and nothing is stored.
     */
    RuleSetVersion createDraft(String baseId, String comment, List<Upload> tables, List<Upload> scenarios,
                                      Caller caller) {
        List<Problems.FieldError> errors = new ArrayList<>();
        RuleSetVersion base = baseId == null || baseId.isBlank() ? catalog.active()
                : versions.find(parse(baseId, errors)).orElse(null);
        if (base == null && errors.isEmpty()) {
            errors.add(new Problems.FieldError("base", "no rule-set version has this id"));
        }
        String note = note(comment, errors);
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
                errors.add(new Problems.FieldError("table", "'" + VersionIds.shorten(table.name()) + "' is not a table file name "
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
                errors.add(new Problems.FieldError("scenario", "'" + VersionIds.shorten(scenario.name()) + "' is not a scenario "
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
        return checkAndStore(new RuleFiles(files), base, baseFiles, note, caller, "ruleset.draft.created",
                AuditDetails.of("tables", seen.stream().sorted().toList()), report -> report);
    }

    /**
     * A deliberate change accepted: a new draft of the same base and tables as draft {@code id}, whose failing golden
     * scenarios expect what the draft decides (each differing part of each failing scenario rewritten). Its report
     * lists every expectation rewritten, old and new ({@code accepted}), and warns of each rewritten file, so that
     * the second officer approves them knowingly. A scenario that cannot be run decides nothing and is refused.
     */
    RuleSetVersion acceptOutcomes(String id, String comment, Caller caller) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String note = note(comment, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The outcomes cannot be accepted.", errors);
        }
        RuleSetVersion version = catalog.find(id);
        if (version.status() != RuleSetVersion.Status.DRAFT) {
            throw new Conflict("Version " + id + " is " + version.status() + "; only a draft's outcomes are accepted.").coded("not-a-draft", id);
        }
        JsonNode scenarios = version.report().path("scenarios");
        if (!scenarios.isObject()) {
            throw new Conflict("Version " + id + " has errors that kept its scenarios from running (see its report); "
                    + "correct them first.").coded("scenarios-not-run", id);
        }
        JsonNode failures = scenarios.path("failures");
        if (failures.isEmpty()) {
            throw new Conflict("Version " + id + " fails no golden scenario: there is no outcome to accept.").coded("nothing-to-accept", id);
        }
        List<String> unrunnable = new ArrayList<>();
        failures.forEach(failure -> {
            if (!failure.path("errors").isEmpty()) {
                unrunnable.add(failure.path("file").asString());
            }
        });
        if (!unrunnable.isEmpty()) {
            throw new Conflict("These scenarios of version " + id + " cannot be run, so they decide nothing to accept; "
                    + "correct them first: " + String.join(", ", unrunnable)).coded("scenarios-cannot-run", id, String.join(", ", unrunnable));
        }
        Map<String, byte[]> files = new TreeMap<>(versions.files(version.number()).files());
        List<ScenarioFiles.Rewrite> rewrites = new ArrayList<>();
        List<Finding> rewritten = new ArrayList<>();
        for (JsonNode failure : failures) {
            String file = failure.path("file").asString();
            Map<String, JsonNode> parts = new LinkedHashMap<>();
            failure.path("differences").forEach(d -> parts.put(d.path("part").asString(), d.get("actual")));
            int before = rewrites.size();
            files.put(file, ScenarioFiles.rewrite(json, file, files.get(file), parts, rewrites));
            rewritten.add(rewritten(file, rewrites.subList(before, rewrites.size()), id));
        }
        RuleSetVersion base = version.base() == null ? null : versions.find(Long.parseLong(version.base())).orElseThrow();
        RuleFiles baseFiles = base == null ? null : versions.files(base.number());
        Report.Accepted accepted = new Report.Accepted(id, rewrites);
        return checkAndStore(new RuleFiles(files), base, baseFiles,
                note != null ? note : "The outcomes of version " + id + " accepted: " + rewrites.size()
                        + " expectation(s) of " + failures.size() + " scenario(s) rewritten",
                caller, "ruleset.outcomes.accepted", AuditDetails.of("from", id, "rewritten", rewrites.size()),
                report -> report.accepting(accepted, rewritten));
    }

    /** The warning that a scenario's expectations were rewritten: each part, what it was and what it is now. */
    private static Finding rewritten(String file, List<ScenarioFiles.Rewrite> rewrites, String from) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String parts = rewrites.stream().map(r -> r.part() + " " + r.was() + " → " + r.now())
                .collect(java.util.stream.Collectors.joining("; "));
        return Finding.of(file, null,
                "Forventningerne i " + name + " er skrevet om til det, version " + from + " afgør: " + parts,
                "The expectations of " + name + " were rewritten to what version " + from + " decides: " + parts);
    }

    /** Withdraws a draft: it leaves the list of versions, and can be neither approved nor activated any more. */
    RuleSetVersion withdraw(String id, Caller caller) {
        RuleSetVersion version = catalog.find(id);
        if (version.status() != RuleSetVersion.Status.DRAFT) {
            throw new Conflict("Version " + id + " is " + version.status() + "; only a draft is withdrawn.").coded("not-a-draft", id);
        }
        transaction.executeWithoutResult(status -> {
            if (!versions.withdraw(version.number())) {
                throw new Conflict("Version " + id + " was activated or withdrawn a moment ago; read it again.").coded("meanwhile", id);
            }
            audit.record(caller.username(), "ruleset.draft.withdrawn", "ruleset/" + id,
                    AuditDetails.of("fingerprint", version.fingerprint(), "approvedBy", version.approvedBy()));
        });
        return catalog.find(id);
    }

    /**
     * Checks a draft's files and stores them with the report ({@code amend}ed), unless they are exactly those of a
     * stored version. A draft whose tables Drools reads as its base's, with the same rules and scenarios, gets the
     * warning that nothing changed.
     */
    private RuleSetVersion checkAndStore(RuleFiles draft, RuleSetVersion base, RuleFiles baseFiles, String note,
                                         Caller caller, String action, Map<String, Object> details,
                                         UnaryOperator<Report> amend) {
        versions.findByFingerprint(draft.fingerprint()).ifPresent(same -> {
            throw new Conflict("These files are exactly those of version " + same.id() + ".").coded("same-files", same.id());
        });
        long id = versions.nextId();
        try (VersionChecks.Checked checked = checks.check(draft, baseFiles, Long.toString(id), true)) {
            Report report = amend.apply(checked.report());
            if (base != null && SameDecisions.asBase(draft, baseFiles)) {
                report = report.warning(Finding.of(null, null, "Intet er ændret: tabellerne læses, som version "
                        + base.id() + "s gør, og regler og scenarier er de samme (filerne adskiller sig kun i "
                        + "layout eller noter)", "Nothing changed: the tables read as those of version " + base.id()
                        + " do, and the rules and scenarios are the same (the files differ only in layout or notes)"));
            }
            Report stored = report;
            Map<String, Object> audited = AuditDetails.of("fingerprint", draft.fingerprint(),
                    "base", base == null ? null : base.id(), "valid", stored.valid(), "errors", stored.errors().size());
            audited.putAll(details);
            Instant now = Instant.now(clock);
            try {
                transaction.executeWithoutResult(status -> {
                    versions.insert(id, draft, RuleSetVersion.Status.DRAFT, stored.valid(),
                            base == null ? null : base.number(), note, caller.username(), now,
                            json.valueToTree(stored), null);
                    audit.record(caller.username(), action, "ruleset/" + id, audited);
                });
            } catch (org.springframework.dao.DuplicateKeyException e) { // the same files, uploaded at the same moment
                throw new Conflict("These files were stored a moment ago as another version.").coded("stored-meanwhile");
            }
            return versions.find(id).orElseThrow();
        }
    }

    /** The officer's comment, stripped; null when there is none. */
    private static String note(String comment, List<Problems.FieldError> errors) {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && (note.length() > MAX_COMMENT || Text.forbiddenCharacter(note.replace('\n', ' ')) != null)) {
            errors.add(new Problems.FieldError("comment", "at most " + MAX_COMMENT + " characters of text"));
        }
        return note;
    }

    private static void checkSize(Upload upload, String field, List<Problems.FieldError> errors) {
        if (upload.bytes().length > RuleFiles.MAX_FILE_BYTES) {
            errors.add(new Problems.FieldError(field, upload.name() + " is larger than 5 MiB"));
        }
    }

    private static long parse(String id, List<Problems.FieldError> errors) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problems.FieldError("base", "a rule-set version id (a whole number)"));
            return -1;
        }
    }
}
