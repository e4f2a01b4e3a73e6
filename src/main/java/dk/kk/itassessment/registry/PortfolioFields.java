package dk.kk.itassessment.registry;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A portfolio entry as a client sends it: a JSON body, or a line of the demo data's CSV. */
final class PortfolioFields {

    static final List<String> PROPERTIES = List.of("name", "aliases", "supplierName", "supplierCvr", "category",
            "permission", "permissionValidUntil", "connectedInstitutions");

    private PortfolioFields() {
    }

    /** The JSON body, or {@code InvalidRequest} naming every bad field. */
    static PortfolioEntry fromJson(JsonNode body) {
        Fields fields = new Fields();
        PortfolioEntry entry = null;
        if (fields.object(body, PROPERTIES)) {
            entry = check(fields, fields.string(body, "name"), fields.strings(body, "aliases"),
                    fields.string(body, "supplierName"), fields.string(body, "supplierCvr"),
                    fields.string(body, "category"), fields.string(body, "permission"),
                    fields.string(body, "permissionValidUntil"), fields.strings(body, "connectedInstitutions"));
        }
        fields.throwIfAny();
        return entry;
    }

    /** One CSV record in the order of {@link #PROPERTIES}; bad fields are added to {@code fields}. */
    static PortfolioEntry fromCsv(Fields fields, List<String> cells) {
        return check(fields, Fields.cell(cells.get(0)), Fields.cells(cells.get(1)), Fields.cell(cells.get(2)),
                Fields.cell(cells.get(3)), Fields.cell(cells.get(4)), Fields.cell(cells.get(5)),
                Fields.cell(cells.get(6)), Fields.cells(cells.get(7)));
    }

    private static PortfolioEntry check(Fields fields, String name, List<String> aliases, String supplierName,
                                        String supplierCvr, String category, String permission, String validUntil,
                                        List<String> connectedInstitutions) {
        String checkedName = fields.requiredText("name", name);
        // An alias that repeats the name (or another alias) is dropped, not a clash with itself.
        Set<String> excluded = checkedName == null ? Set.of() : Set.of(Names.normalise(checkedName));
        return new PortfolioEntry(null,
                checkedName,
                fields.names("aliases", aliases, excluded),
                fields.requiredText("supplierName", supplierName),
                fields.cvr("supplierCvr", supplierCvr),
                fields.oneOf("category", category, PortfolioEntry.CATEGORIES),
                fields.oneOf("permission", permission, PortfolioEntry.PERMISSIONS),
                fields.date("permissionValidUntil", validUntil),
                fields.names("connectedInstitutions", connectedInstitutions, Set.of()));
    }
}
