package dk.kk.itassessment.registry;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.platform.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Portfolio", description = "The municipality's register of systems (FISKK) and their permissions to "
        + "use. Names are compared after Unicode NFKC normalisation, trimming, collapsing inner white space, and "
        + "ignoring case.")
class PortfolioController {

    private static final String ENTRY = "portfolio entry";

    private final PortfolioEntries portfolio;
    private final JsonBody json;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RegistryChanges changes;

    PortfolioController(PortfolioEntries portfolio, JsonBody json, AuditTrail audit, TransactionTemplate transaction,
                        RegistryChanges changes) {
        this.portfolio = portfolio;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
        this.changes = changes;
    }

    /** The change and its audit entry commit together; names stay out of the trail, which cannot be edited. */
    private void audited(String action, UUID id, Map<String, ?> details) {
        audit.record(Actors.current(), action, "portfolio/" + id, details);
    }

    private static Map<String, String> facts(PortfolioEntry entry) {
        return Map.of("category", entry.category(), "permission", entry.permission());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a system", description = "`name` and `supplierName` required (1–200 "
            + "characters, stored trimmed); `aliases` and `connectedInstitutions` optional (default empty), at most "
            + "500 names of 1–200 characters, repeats dropped (an alias equal to the name too); `supplierCvr` "
            + "optional (8 digits, modulus 11); `category` and `permission` required; `permissionValidUntil` "
            + "optional YYYY-MM-DD. 409 when the name or an alias is already used by another entry.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PortfolioEntry.class))))
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names it")
    ResponseEntity<PortfolioEntry> create(@RequestBody(required = false) byte[] body) {
        PortfolioEntry entry = PortfolioFields.fromJson(json.read(body));
        PortfolioEntry created = transaction.execute(status -> {
            PortfolioEntry stored = portfolio.insert(entry);
            audited("portfolio.created", stored.id(), facts(stored));
            return stored;
        });
        return ResponseEntity.created(URI.create("/api/v1/portfolio/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List or search the portfolio", description = "A page `{items, page, size, total}` sorted "
            + "by name; `category` keeps one category; `q` keeps the entries whose name or an alias contains it "
            + "(compared as names are); `page` from 0 (default 0), `size` 1–100 (default 20).")
    Page<PortfolioEntry> list(@RequestParam(required = false) String category,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) String page,
                              @RequestParam(required = false) String size) {
        Fields fields = new Fields();
        String checkedCategory = category == null || category.isEmpty() ? null
                : fields.oneOf("category", category, PortfolioEntry.CATEGORIES);
        if (q != null && q.indexOf('\u0000') >= 0) {
            fields.reject("q", "must not contain NUL characters");
        }
        Paging paging = Requests.paging(fields, page, size);
        fields.throwIfAny();
        return portfolio.search(checkedCategory, q, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a system", description = "404 when there is none with this id.")
    PortfolioEntry get(@PathVariable String id) {
        return portfolio.find(Requests.id(id, ENTRY)).orElseThrow(() -> Requests.notFound(ENTRY, id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a system", description = "The same body and rules as registering one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PortfolioEntry.class))))
    PortfolioEntry replace(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        var uuid = Requests.id(id, ENTRY);
        PortfolioEntry entry = PortfolioFields.fromJson(json.read(body));
        return changes.replacePortfolioEntry(uuid, entry, () -> Requests.notFound(ENTRY, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a system")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> delete(@PathVariable String id) {
        var uuid = Requests.id(id, ENTRY);
        transaction.executeWithoutResult(status -> {
            if (!portfolio.delete(uuid)) {
                throw Requests.notFound(ENTRY, id);
            }
            audited("portfolio.deleted", uuid, Map.of());
        });
        return ResponseEntity.noContent().build();
    }
}
