package dk.kk.itassessment.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The intake form's fields, named by the request's JSON paths ({@code requester.name}, {@code personalData.subjects},
 * …), as the browser sent them (or a link's query parameters), and the request body they make: only the named
 * fields, empty ones left out, {@code true}/{@code false} as booleans, numbers as numbers (anything else as text,
 * so that the request's own checks name the field), the details of personal data only when it is processed and the
 * price only when the solution is not free (a browser without JavaScript sends the hidden questions too). The
 * request's checks ({@code RequestReader}) then decide exactly as for the API.
 */
record IntakeForm(Map<String, List<String>> values) {

    static final List<String> TEXTS = List.of("requester.name", "requester.email", "requester.role",
            "requester.institution", "requester.institutionType", "solution.name", "solution.supplierName",
            "solution.supplierCvr", "solution.kind", "solution.category", "solution.url", "purpose",
            "cost.purchaseChannel", "personalData.location", "need", "expectedGains", "operations.responsible");
    static final List<String> BOOLEANS = List.of("cost.free", "personalData.processed",
            "personalData.supplierOwnPurposes", "status.purchased", "status.contractSigned", "status.inUse");
    static final List<String> NUMBERS = List.of("cost.priceDkk", "users", "operations.hoursPerMonth");
    static final List<String> LISTS = List.of("solution.aiFeatures", "personalData.subjects",
            "personalData.categories");
    /** Longer than any field may be, so that a value cut here is still named too long by the request's checks. */
    static final int MAX_VALUE = 4_100;
    /** More than any list field has values. */
    static final int MAX_VALUES = 20;
    private static final List<String> PERSONAL_DETAILS = List.of("personalData.subjects", "personalData.categories",
            "personalData.location", "personalData.supplierOwnPurposes");
    /** A preview needs no one's contact details: what decides does not depend on them. */
    private static final Map<String, String> PREVIEW_CONTACT = Map.of("requester.name", "Forhåndsvisning",
            "requester.email", "forhaandsvisning@example.dk", "requester.role", "OTHER", "requester.institution", "-",
            "requester.institutionType", "SCHOOL");
    /** The request's objects with required fields. */
    private static final List<String> OBJECTS = List.of("requester", "solution", "cost", "personalData");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    IntakeForm {
        values = Map.copyOf(values);
    }

    /** The known fields of {@code parameters}, bounded; everything else is dropped. */
    static IntakeForm of(Map<String, String[]> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : all()) {
            String[] given = parameters.get(name);
            if (given == null) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < given.length && kept.size() < MAX_VALUES; i++) {
                String value = given[i] == null ? "" : given[i].strip();
                if (!value.isEmpty()) {
                    kept.add(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
                }
            }
            if (!kept.isEmpty()) {
                values.put(name, LISTS.contains(name) ? List.copyOf(kept) : List.of(kept.get(0)));
            }
        }
        return new IntakeForm(values);
    }

    static List<String> all() {
        List<String> all = new ArrayList<>(TEXTS);
        all.addAll(BOOLEANS);
        all.addAll(NUMBERS);
        all.addAll(LISTS);
        return all;
    }

    /** The field's value ({@code null} when empty), for the form's inputs. */
    public String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(0);
    }

    /** Whether the choice {@code value} of the field {@code name} is chosen (a radio button, a checkbox). */
    public boolean checked(String name, String value) {
        List<String> given = values.get(name);
        return given != null && given.contains(value);
    }

    boolean processesPersonalData() {
        return "true".equals(value("personalData.processed"));
    }

    /** The request body of the form as it is. */
    byte[] request() {
        return JSON.writeValueAsBytes(tree(Map.of()));
    }

    /** The request body for a preview: the contact details that are missing filled in (they decide nothing). */
    byte[] preview() {
        return JSON.writeValueAsBytes(tree(PREVIEW_CONTACT));
    }

    private ObjectNode tree(Map<String, String> missing) {
        ObjectNode root = JSON.createObjectNode();
        for (String object : OBJECTS) { // so that the request's checks name each missing field, not its object
            root.putObject(object);
        }
        boolean personal = processesPersonalData();
        boolean free = "true".equals(value("cost.free"));
        for (String name : all()) {
            if (!personal && PERSONAL_DETAILS.contains(name) || free && name.equals("cost.priceDkk")) {
                continue;
            }
            List<String> given = values.get(name);
            if (given == null) {
                if (missing.containsKey(name)) {
                    parent(root, name).put(leaf(name), missing.get(name));
                }
                continue;
            }
            ObjectNode parent = parent(root, name);
            String value = given.get(0);
            if (LISTS.contains(name)) {
                ArrayNode list = parent.putArray(leaf(name));
                given.forEach(list::add);
            } else if (BOOLEANS.contains(name) && (value.equals("true") || value.equals("false"))) {
                parent.put(leaf(name), Boolean.parseBoolean(value));
            } else if (NUMBERS.contains(name) && value.matches("-?\\d{1,12}([.,]\\d{1,4})?")) {
                parent.put(leaf(name), new java.math.BigDecimal(value.replace(',', '.')));
            } else {
                parent.put(leaf(name), value);
            }
        }
        return root;
    }

    private static ObjectNode parent(ObjectNode root, String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return root;
        }
        String object = name.substring(0, dot);
        return root.get(object) instanceof ObjectNode existing ? existing : root.putObject(object);
    }

    private static String leaf(String name) {
        return name.substring(name.indexOf('.') + 1);
    }
}
