package dk.kk.itassessment.intake;

import dk.kk.itassessment.intake.AssessmentRequest.Cost;
import dk.kk.itassessment.intake.AssessmentRequest.Operations;
import dk.kk.itassessment.intake.AssessmentRequest.PersonalData;
import dk.kk.itassessment.intake.AssessmentRequest.Requester;
import dk.kk.itassessment.intake.AssessmentRequest.Solution;
import dk.kk.itassessment.intake.AssessmentRequest.Status;
import dk.kk.itassessment.intake.Checks.Obj;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonBody;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads an assessment request and checks it against the contract's request table, naming every bad field at once
 * (by its JSON path, e.g. {@code personalData.subjects[1]}) in one {@link InvalidRequest}. A property the table
 * does not name is rejected at every level.
 */
@Component
public class RequestReader {

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 4000;
    static final BigDecimal MAX_PRICE_DKK = new BigDecimal("1000000000");
    static final BigDecimal MAX_HOURS_PER_MONTH = new BigDecimal("744");
    static final int MAX_USERS = 10_000_000;

    private static final List<String> TOP_LEVEL = List.of("requester", "solution", "purpose", "cost",
            "personalData", "status", "users", "need", "expectedGains", "operations");
    private static final List<String> REQUESTER = List.of("name", "email", "role", "institution", "institutionType");
    private static final List<String> SOLUTION = List.of("name", "supplierName", "supplierCvr", "kind", "category",
            "url", "aiFeatures");
    private static final List<String> COST = List.of("free", "priceDkk", "purchaseChannel");
    private static final List<String> PERSONAL_DATA = List.of("processed", "subjects", "categories", "location",
            "supplierOwnPurposes");
    private static final List<String> STATUS = List.of("purchased", "contractSigned", "inUse");
    private static final List<String> OPERATIONS = List.of("responsible", "hoursPerMonth");

    private final JsonBody json;

    public RequestReader(JsonBody json) {
        this.json = json;
    }

    /** Reads a request body: strict UTF-8 JSON (see {@link JsonBody}), then the contract's rules. */
    public AssessmentRequest read(byte[] body) {
        return read(json.read(body));
    }

    /** Checks an already parsed request (a stored one, read again) by the same rules. */
    public AssessmentRequest read(JsonNode tree) {
        Checks checks = new Checks();
        Obj root = checks.root(tree, TOP_LEVEL);
        if (root == null) {
            throw invalid(checks);
        }
        Obj requester = checks.requiredObject(root, "requester", REQUESTER);
        Obj solution = checks.requiredObject(root, "solution", SOLUTION);
        Obj cost = checks.requiredObject(root, "cost", COST);
        Obj personalData = checks.requiredObject(root, "personalData", PERSONAL_DATA);
        Obj status = checks.optionalObject(root, "status", STATUS);
        Obj operations = checks.optionalObject(root, "operations", OPERATIONS);

        AssessmentRequest request = new AssessmentRequest(
                requester == null ? null : requester(checks, requester),
                solution == null ? null : solution(checks, solution),
                checks.requiredEnum(root, "purpose", Purpose.class),
                cost == null ? null : cost(checks, cost),
                personalData == null ? null : personalData(checks, personalData),
                status == null ? null : status(checks, status),
                checks.optionalInteger(root, "users", MAX_USERS),
                checks.optionalLines(root, "need", LONG_TEXT),
                checks.optionalLines(root, "expectedGains", LONG_TEXT),
                operations == null ? null : operations(checks, operations));
        if (!checks.errors().isEmpty()) {
            throw invalid(checks);
        }
        return request;
    }

    private static Requester requester(Checks checks, Obj requester) {
        String name = checks.requiredText(requester, "name", SHORT_TEXT);
        String email = checks.requiredText(requester, "email", Formats.MAX_EMAIL);
        check(checks, requester.at("email"), email == null ? null : Formats.emailProblem(email));
        RequesterRole role = checks.requiredEnum(requester, "role", RequesterRole.class);
        String institution = checks.requiredText(requester, "institution", SHORT_TEXT);
        InstitutionType type = checks.requiredEnum(requester, "institutionType", InstitutionType.class);
        return new Requester(name, email, role, institution, type);
    }

    private static Solution solution(Checks checks, Obj solution) {
        String name = checks.requiredText(solution, "name", SHORT_TEXT);
        String supplierName = checks.requiredText(solution, "supplierName", SHORT_TEXT);
        String cvr = checks.optionalText(solution, "supplierCvr", SHORT_TEXT);
        check(checks, solution.at("supplierCvr"), cvr == null ? null : Formats.cvrProblem(cvr));
        SolutionKind kind = checks.requiredEnum(solution, "kind", SolutionKind.class);
        Category category = checks.requiredEnum(solution, "category", Category.class);
        String url = checks.optionalText(solution, "url", Formats.MAX_URL);
        check(checks, solution.at("url"), url == null ? null : Formats.urlProblem(url));
        List<AiFeature> aiFeatures = checks.enumList(solution, "aiFeatures", AiFeature.class);
        return new Solution(name, supplierName, cvr, kind, category, url, aiFeatures);
    }

    private static Cost cost(Checks checks, Obj cost) {
        Boolean free = checks.requiredBoolean(cost, "free");
        BigDecimal price = checks.optionalNumber(cost, "priceDkk", MAX_PRICE_DKK);
        if (Boolean.TRUE.equals(free) && price != null && price.signum() != 0) {
            checks.reject(cost.at("priceDkk"), "must be 0 or absent when free is true");
        }
        PurchaseChannel channel = checks.optionalEnum(cost, "purchaseChannel", PurchaseChannel.class);
        return new Cost(Boolean.TRUE.equals(free), price, channel);
    }

    private static PersonalData personalData(Checks checks, Obj personalData) {
        Boolean processed = checks.requiredBoolean(personalData, "processed");
        List<DataSubject> subjects = checks.enumList(personalData, "subjects", DataSubject.class);
        List<DataCategory> categories = checks.enumList(personalData, "categories", DataCategory.class);
        DataLocation location = checks.optionalEnum(personalData, "location", DataLocation.class);
        boolean ownPurposes = checks.optionalBoolean(personalData, "supplierOwnPurposes");
        if (Boolean.TRUE.equals(processed)) {
            requireEntries(checks, personalData, "subjects", "a data subject");
            requireEntries(checks, personalData, "categories", "a data category");
            if (personalData.value("location") == null) {
                checks.reject(personalData.at("location"), "is required when processed is true");
            }
        } else if (Boolean.FALSE.equals(processed)) {
            forbidEntries(checks, personalData, "subjects");
            forbidEntries(checks, personalData, "categories");
        }
        return new PersonalData(Boolean.TRUE.equals(processed), subjects, categories, location, ownPurposes);
    }

    /** Absent or an empty array is an error; a value of the wrong type has been reported already. */
    private static void requireEntries(Checks checks, Obj obj, String name, String what) {
        JsonNode value = obj.value(name);
        if (value == null || value.isArray() && value.isEmpty()) {
            checks.reject(obj.at(name), "must name at least " + what + " when processed is true");
        }
    }

    private static void forbidEntries(Checks checks, Obj obj, String name) {
        JsonNode value = obj.value(name);
        if (value != null && value.isArray() && !value.isEmpty()) {
            checks.reject(obj.at(name), "must be empty or absent when processed is false");
        }
    }

    private static Status status(Checks checks, Obj status) {
        return new Status(checks.optionalBoolean(status, "purchased"),
                checks.optionalBoolean(status, "contractSigned"),
                checks.optionalBoolean(status, "inUse"));
    }

    private static Operations operations(Checks checks, Obj operations) {
        return new Operations(checks.optionalLines(operations, "responsible", LONG_TEXT),
                checks.optionalNumber(operations, "hoursPerMonth", MAX_HOURS_PER_MONTH));
    }

    private static void check(Checks checks, String field, String problem) {
        if (problem != null) {
            checks.reject(field, problem);
        }
    }

    private static InvalidRequest invalid(Checks checks) {
        int count = checks.errors().size();
        return new InvalidRequest(count == 1 ? "The request has an invalid field."
                : "The request has " + count + " invalid fields.", checks.errors());
    }
}
