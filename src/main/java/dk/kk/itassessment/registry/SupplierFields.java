package dk.kk.itassessment.registry;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A supplier as a client sends it: a JSON body, or a line of the import's CSV. */
final class SupplierFields {

    static final List<String> PROPERTIES = List.of("name", "cvr", "agreement", "agreementValidUntil", "coveredSystems");

    private SupplierFields() {
    }

    /** The JSON body, or {@code InvalidRequest} naming every bad field. */
    static Supplier fromJson(JsonNode body) {
        Fields fields = new Fields();
        Supplier supplier = null;
        if (fields.object(body, PROPERTIES)) {
            supplier = check(fields, fields.string(body, "name"), fields.string(body, "cvr"),
                    fields.string(body, "agreement"), fields.string(body, "agreementValidUntil"),
                    fields.strings(body, "coveredSystems"));
        }
        fields.throwIfAny();
        return supplier;
    }

    /** One CSV record in the order of {@link #PROPERTIES}; bad fields are added to {@code fields}. */
    static Supplier fromCsv(Fields fields, List<String> cells) {
        return check(fields, Fields.cell(cells.get(0)), Fields.cell(cells.get(1)), Fields.cell(cells.get(2)),
                Fields.cell(cells.get(3)), Fields.cells(cells.get(4)));
    }

    private static Supplier check(Fields fields, String name, String cvr, String agreement, String validUntil,
                                  List<String> coveredSystems) {
        return new Supplier(null,
                fields.requiredText("name", name),
                fields.cvr("cvr", cvr),
                fields.oneOf("agreement", agreement, Supplier.AGREEMENTS),
                fields.date("agreementValidUntil", validUntil),
                fields.names("coveredSystems", coveredSystems, Set.of()));
    }
}
