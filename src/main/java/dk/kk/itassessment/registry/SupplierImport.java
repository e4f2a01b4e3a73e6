package dk.kk.itassessment.registry;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports suppliers from CSV (header {@code name,cvr,agreement,agreementValidUntil,coveredSystems}, covered systems
 * separated by {@code |}): each line updates the supplier with its CVR, else the one with its name, else creates
 * one; a line replaces every field of the supplier it updates. All lines or none: one transaction, and any bad line
 * (named {@code line 3} or {@code line 3: cvr}) rolls everything back.
 */
@Service
class SupplierImport {

    static final List<String> HEADER = SupplierFields.PROPERTIES;

    /** The answer of an import: how many suppliers its lines created and updated. */
    @Schema(name = "SupplierImportResult")
    record Imported(int created, int updated) {
    }

    private final Suppliers suppliers;
    private final AuditTrail audit;

    SupplierImport(Suppliers suppliers, AuditTrail audit) {
        this.suppliers = suppliers;
        this.audit = audit;
    }

    @Transactional
    Imported importCsv(String csv) {
        List<Csv.Row> rows = Csv.parse(csv);
        List<FieldError> errors = new ArrayList<>();
        if (rows.isEmpty() || !HEADER.equals(rows.get(0).fields())) {
            throw new InvalidRequest("The first line must be the header.", List.of(new FieldError("line 1",
                    "must be exactly " + String.join(",", HEADER))));
        }
        Map<String, Integer> linesByKey = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String line = "line " + row.line();
            if (row.error() != null) {
                errors.add(new FieldError(line, row.error()));
                continue;
            }
            if (row.fields().size() != HEADER.size()) {
                errors.add(new FieldError(line, "must have " + HEADER.size() + " fields, has " + row.fields().size()));
                continue;
            }
            Fields fields = new Fields(line + ": ", errors);
            int before = errors.size();
            Supplier supplier = SupplierFields.fromCsv(fields, row.fields());
            if (errors.size() > before || repeats(supplier, row.line(), linesByKey, errors)) {
                continue;
            }
            Optional<Supplier> existing = match(supplier, fields);
            if (errors.size() > before) {
                continue;
            }
            if (existing.isPresent()) {
                suppliers.update(existing.get().id(), supplier);
                updated++;
            } else {
                suppliers.insert(supplier);
                created++;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The file has " + errors.size() + " problem(s); nothing was imported.", errors);
        }
        // last, in the import's transaction: the chain's lock is held until the commit
        audit.record(Actors.current(), "suppliers.imported", "suppliers", Map.of("created", created,
                "updated", updated));
        return new Imported(created, updated);
    }

    /** A supplier named twice in one file (by CVR or by name) is a mistake, not two updates. */
    private static boolean repeats(Supplier supplier, int line, Map<String, Integer> linesByKey,
                                   List<FieldError> errors) {
        List<String> keys = new ArrayList<>();
        keys.add("name:" + Names.normalise(supplier.name()));
        if (supplier.cvr() != null) {
            keys.add("cvr:" + supplier.cvr());
        }
        for (String key : keys) {
            Integer earlier = linesByKey.putIfAbsent(key, line);
            if (earlier != null) {
                errors.add(new FieldError("line " + line, "names the same supplier as line " + earlier));
                return true;
            }
        }
        return false;
    }

    /**
     * The supplier the line updates: the one with its CVR, else the one with its name. Rejected when that would
     * take the name of another supplier, or give a supplier registered with another CVR a new one.
     */
    private Optional<Supplier> match(Supplier supplier, Fields fields) {
        Optional<Supplier> byCvr = supplier.cvr() == null ? Optional.empty() : suppliers.findByCvr(supplier.cvr());
        Optional<Supplier> byName = suppliers.findByName(supplier.name());
        if (byCvr.isPresent()) {
            if (byName.isPresent() && !byName.get().id().equals(byCvr.get().id())) {
                fields.reject("name", "is the name of another supplier than the one with CVR " + supplier.cvr());
            }
            return byCvr;
        }
        if (byName.isPresent() && byName.get().cvr() != null && supplier.cvr() != null) {
            fields.reject("cvr", "the supplier named '" + byName.get().name() + "' is registered with CVR "
                    + byName.get().cvr());
        }
        return byName;
    }
}
