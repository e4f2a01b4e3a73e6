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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts: made from a base version and the officers' tables and scenarios, checked down to the cell and stored with
 * their report, also when it has errors (such a draft is not valid and can be neither approved nor activated).
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
        audit.record(caller.username(), "ruleset.draft.created", "ruleset/" + id, AuditDetails.of(
                "fingerprint", draft.fingerprint(), "base", base.id(), "valid", report.valid(),
                "tables", tables.stream().sorted().toList(), "errors", report.errors().size()));
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
