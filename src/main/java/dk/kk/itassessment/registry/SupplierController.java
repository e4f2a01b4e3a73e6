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
@RequestMapping(path = "/api/v1/suppliers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Suppliers", description = "Suppliers and their data processing agreements. Names are compared "
        + "after Unicode NFKC normalisation, trimming, collapsing inner white space, and ignoring case.")
class SupplierController {

    private static final String SUPPLIER = "supplier";

    private final Suppliers suppliers;
    private final SupplierImport supplierImport;
    private final JsonBody json;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RegistryChanges changes;

    SupplierController(Suppliers suppliers, SupplierImport supplierImport, JsonBody json, AuditTrail audit,
                       TransactionTemplate transaction, RegistryChanges changes) {
        this.changes = changes;
        this.suppliers = suppliers;
        this.supplierImport = supplierImport;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** The change and its audit entry commit together; names stay out of the trail, which cannot be edited. */
    private void audited(String action, UUID id, Map<String, ?> details) {
        audit.record(Actors.current(), action, "supplier/" + id, details);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a supplier", description = "`name` required (1–200 characters, stored trimmed); "
            + "`cvr` optional (8 digits, modulus 11); `agreement` required (ACTIVE, EXPIRED, NONE); "
            + "`agreementValidUntil` optional YYYY-MM-DD; `coveredSystems` optional (default empty), at most 500 "
            + "names of 1–200 characters, repeats dropped. 409 when the CVR or the name is already registered.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Supplier.class))))
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names it")
    ResponseEntity<Supplier> create(@RequestBody(required = false) byte[] body) {
        Supplier supplier = SupplierFields.fromJson(json.read(body));
        Supplier created = transaction.execute(status -> {
            Supplier stored = suppliers.insert(supplier);
            audited("supplier.created", stored.id(), Map.of("agreement", stored.agreement()));
            return stored;
        });
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the suppliers", description = "A page `{items, page, size, total}` sorted by name; "
            + "`page` from 0 (default 0), `size` 1–100 (default 20).")
    Page<Supplier> list(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Fields fields = new Fields();
        Paging paging = Requests.paging(fields, page, size);
        fields.throwIfAny();
        return suppliers.list(paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a supplier", description = "404 when there is none with this id.")
    Supplier get(@PathVariable String id) {
        return suppliers.find(Requests.id(id, SUPPLIER)).orElseThrow(() -> Requests.notFound(SUPPLIER, id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a supplier", description = "The same body and rules as registering one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Supplier.class))))
    Supplier replace(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        var uuid = Requests.id(id, SUPPLIER);
        Supplier supplier = SupplierFields.fromJson(json.read(body));
        return changes.replaceSupplier(uuid, supplier, () -> Requests.notFound(SUPPLIER, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a supplier")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> delete(@PathVariable String id) {
        var uuid = Requests.id(id, SUPPLIER);
        transaction.executeWithoutResult(status -> {
            if (!suppliers.delete(uuid)) {
                throw Requests.notFound(SUPPLIER, id);
            }
            audited("supplier.deleted", uuid, Map.of());
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import suppliers from CSV", description = "UTF-8, RFC 4180 quoting; the first line is "
            + "exactly `name,cvr,agreement,agreementValidUntil,coveredSystems`, covered systems separated by `|`, "
            + "an empty cell is absent. A line updates the supplier with its CVR, else the one with its name "
            + "(replacing every field), else creates one. All lines or none: a bad line is named in `errors` as "
            + "`line 3` or `line 3: cvr` and nothing is stored. Answers `{created, updated}`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    SupplierImport.Imported importCsv(@RequestBody(required = false) byte[] body) {
        return supplierImport.importCsv(Csv.decode(body));
    }
}
