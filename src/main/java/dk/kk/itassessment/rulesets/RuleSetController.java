package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.policy.RuleFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/rulesets}: the versions, their tables and bundles; drafts, approvals, activation (CONTRACT.md "Rule sets"). */
@RestController
@RequestMapping(path = "/api/v1/rulesets")
@Tag(name = "Rule sets", description = "Versions of the policy: policy officers upload tables, approve and activate")
class RuleSetController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RuleSetCatalog catalog;
    private final RuleSetDrafts drafts;
    private final Approvals approvals;
    private final Activations activations;

    RuleSetController(RuleSetCatalog catalog, RuleSetDrafts drafts, Approvals approvals, Activations activations) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.approvals = approvals;
        this.activations = activations;
    }

    /** A page of versions. */
    record VersionPage(List<RuleSetVersion> items, int page, int size, long total) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The rule-set versions, newest first", description = "size 1–100 (default 20), page from 0; "
            + "withdrawn drafts only with includeWithdrawn=true.")
    VersionPage list(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                     @RequestParam(required = false) String includeWithdrawn) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Paging paging = Paging.of(page, size, (field, message) -> errors.add(new Problems.FieldError(field, message)));
        if (includeWithdrawn != null && !includeWithdrawn.equals("true") && !includeWithdrawn.equals("false")) {
            errors.add(new Problems.FieldError("includeWithdrawn", "true or false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The query has invalid parameters.", errors);
        }
        boolean withdrawn = "true".equals(includeWithdrawn);
        return new VersionPage(catalog.list(paging.size(), paging.offset(), withdrawn), paging.page(), paging.size(),
                catalog.count(withdrawn));
    }

    @GetMapping(path = "/active", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The version that decides now")
    RuleSetVersion active() {
        return catalog.active();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One version, with its report")
    RuleSetVersion find(@PathVariable String id) {
        return catalog.find(id);
    }

    @GetMapping(path = "/{id}/tables/{table}")
    @Operation(summary = "A table of a version, as stored or converted",
            description = "format=xlsx|csv (default: as stored); converting a workbook of several rule sheets to CSV "
                    + "needs sheet=<name>. In CSV, a cell that starts with = + - @ (or a tab or carriage return) is "
                    + "written as ' and the cell, so that no spreadsheet program takes it for a formula; a CSV table "
                    + "uploaded again reads such a cell without the '. 409 when the stored file cannot be converted.")
    ResponseEntity<byte[]> table(@PathVariable String id, @PathVariable String table,
                                 @RequestParam(required = false) String format,
                                 @RequestParam(required = false) String sheet) {
        RuleFiles files = catalog.files(id);
        String path = Tables.path(files, table).orElseThrow(() -> new NotFound("Version " + id + " has no table "
                + VersionIds.shorten(table) + "."));
        boolean storedAsCsv = path.endsWith(".csv");
        if (format != null && !format.isEmpty() && !format.equals("xlsx") && !format.equals("csv")) {
            throw new InvalidRequest("format", "xlsx or csv");
        }
        boolean asCsv = format == null || format.isEmpty() ? storedAsCsv : format.equals("csv");
        byte[] bytes = files.files().get(path);
        if (asCsv) {
            bytes = TableFormats.csv(path, bytes, sheet == null || sheet.isEmpty() ? null : sheet);
        } else if (storedAsCsv) {
            bytes = TableFormats.xlsx(bytes, table);
        }
        return download(bytes, asCsv ? CSV : XLSX, table + (asCsv ? ".drl.csv" : ".drl.xlsx"));
    }

    @GetMapping(path = "/{id}/bundle")
    @Operation(summary = "A version's rules/ and decision-tables/ files as a zip, to go back into the repository")
    ResponseEntity<byte[]> bundle(@PathVariable String id) {
        RuleFiles files = catalog.files(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toByteArray(), MediaType.parseMediaType("application/zip"), "ruleset-" + id + ".zip");
    }

    @PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make a draft from a base version and changed tables",
            description = "Parts: base (a version id; default the active one), comment, one part 'table' per replaced "
                    + "table (its file name tells the table: routes.drl.xlsx or routes.drl.csv, in any case, with or "
                    + "without .drl, with a copy mark such as \" (1)\"), and any number of "
                    + "'scenario' parts (golden scenarios, *.json). 201 with the draft and its report; valid is false "
                    + "when the report has errors or failed scenarios.")
    ResponseEntity<RuleSetVersion> draft(@RequestParam(required = false) String base,
                                         @RequestParam(required = false) String comment,
                                         @Parameter(description = "a table file") @RequestParam(name = "table", required = false) List<MultipartFile> tables,
                                         @Parameter(description = "a scenario file") @RequestParam(name = "scenario", required = false) List<MultipartFile> scenarios,
                                         Authentication caller) {
        RuleSetVersion draft = drafts.createDraft(base, comment, uploads(tables), uploads(scenarios), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + draft.id())).body(draft);
    }

    @PostMapping(path = "/{id}/accepted-outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept a draft's decisions where its golden scenarios fail: a new draft",
            description = "For a deliberate change that scenarios pin: 201 with a new draft of the same base and "
                    + "tables whose failing scenarios expect what the draft decides. Its report lists every "
                    + "expectation rewritten (report.accepted.rewritten: file, part, was, now) and warns of each "
                    + "rewritten file, for the second officer who approves it. Optional parameter comment. 409 when "
                    + "the draft is no draft, fails no scenario, has a scenario that cannot be run, or has errors "
                    + "that kept its scenarios from running.")
    ResponseEntity<RuleSetVersion> acceptOutcomes(@PathVariable String id, @RequestParam(required = false) String comment,
                                                  Authentication caller) {
        RuleSetVersion draft = drafts.acceptOutcomes(id, comment, Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + draft.id())).body(draft);
    }

    @PostMapping(path = "/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw a draft (any policy officer)",
            description = "The draft becomes WITHDRAWN: it can be neither approved nor activated, and the list of "
                    + "versions leaves it out unless includeWithdrawn=true. Its files and report are kept. 409 for a "
                    + "version that is no draft.")
    RuleSetVersion withdraw(@PathVariable String id, Authentication caller) {
        return drafts.withdraw(id, Caller.of(caller));
    }

    @PostMapping(path = "/{id}/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a valid draft (a second policy officer, not its author)")
    RuleSetVersion approve(@PathVariable String id, Authentication caller) {
        return approvals.approve(id, Caller.of(caller));
    }

    @PostMapping(path = "/{id}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make a version active (also how an earlier version is brought back)",
            description = "A valid draft approved by a second policy officer (where four-eyes is on), or an earlier "
                    + "version. 409 with the reason otherwise.")
    RuleSetVersion activate(@PathVariable String id, Authentication caller) {
        return activations.activate(id, Caller.of(caller));
    }

    static List<RuleSetDrafts.Upload> uploads(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        List<RuleSetDrafts.Upload> uploads = new ArrayList<>();
        for (MultipartFile part : parts) {
            try {
                uploads.add(new RuleSetDrafts.Upload(part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
