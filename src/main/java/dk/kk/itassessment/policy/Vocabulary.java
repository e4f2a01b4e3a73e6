package dk.kk.itassessment.policy;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy's vocabulary, and the type of every decision-table column, declared by the code of the column (the
 * template row the project owns): a cell in a column whose code compares {@code route == "$param"} must be one of the
 * routes, a cell of {@code route.setDays($param)} a whole number of days, and so on. A value outside its type is
 * refused before anything is compiled, naming the cell and what is allowed.
 */
final class Vocabulary {

    static final Set<String> ROUTES = Set.of("NOT_AN_IT_ACQUISITION", "NOT_PERMITTED", "USE_EXISTING_PERMISSION",
            "AWAIT_PENDING_ACQUISITION", "DATA_AGREEMENT_REQUEST", "FAST_TRACK_ACQUISITION", "FULL_ACQUISITION");
    static final Set<String> RISK_TIERS = Set.of("LOW", "MEDIUM", "HIGH");
    static final Set<String> REVIEW_LEVELS = Set.of("NONE", "BASELINE", "STANDARD", "EXTENDED");
    static final Set<String> RESPONSIBLE = Set.of("REQUESTER", "ADMINISTRATIVE_STAFF", "DIGITALISATION_OFFICE",
            "GROUP_IT", "DPO", "SUPPLIER");
    static final Set<String> PHASES = Set.of("BEFORE_PURCHASE", "INTAKE", "CONSOLIDATION", "DESCRIPTION",
            "ASSESSMENT", "BEFORE_USE");
    static final Set<String> PORTFOLIO = Set.of("NONE", "GRANTED", "PENDING", "REFUSED", "REVOKED", "EXPIRED");
    static final Set<String> AGREEMENTS = Set.of("NONE", "ACTIVE", "EXPIRED");
    static final Set<String> KINDS = Set.of("APP", "DESKTOP_SOFTWARE", "WEB_SERVICE", "BROWSER_EXTENSION",
            "HARDWARE_WITH_SOFTWARE", "HARDWARE_WITHOUT_SOFTWARE");
    static final Set<String> PURPOSES = Set.of("NEW_USE", "TRIAL", "RENEWAL", "EXTEND_TO_INSTITUTION");
    static final Set<String> CHANNELS = Set.of("KVANTUM", "APP_STORE", "SUPPLIER", "OTHER", "NONE");
    static final Set<String> ROLES = Set.of("TEACHER", "PEDAGOGUE", "LEADER", "ADMINISTRATIVE", "IT_COORDINATOR", "OTHER");
    static final Set<String> AI_FEATURES = Set.of("GENERATIVE", "GRADING", "ADAPTIVE_LEARNING", "PROCTORING",
            "EMOTION_RECOGNITION", "OTHER");
    static final Set<String> LOCATIONS = Set.of("DENMARK", "EU_EEA", "ADEQUATE_COUNTRY", "OTHER_THIRD_COUNTRY", "UNKNOWN");
    static final Set<String> DATA_CATEGORIES = Set.of("CONTACT", "ASSESSMENTS", "PHOTO_VIDEO_AUDIO", "CPR",
            "SENSITIVE", "WELLBEING", "LOCATION", "BIOMETRIC", "OTHER");
    static final Set<String> SUBJECTS = Set.of("PUPILS", "CHILDREN", "PARENTS", "EMPLOYEES", "OTHERS");

    /** A condition's field → the type of its cells; any other field is a flag. */
    private static final Map<String, TableCellType> FIELDS = Map.ofEntries(
            Map.entry("route", new TableCellType.OneOf(ROUTES)),
            Map.entry("tier", new TableCellType.OneOf(RISK_TIERS)),
            Map.entry("portfolio", new TableCellType.OneOf(PORTFOLIO)),
            Map.entry("agreement", new TableCellType.OneOf(AGREEMENTS)),
            Map.entry("kind", new TableCellType.OneOf(KINDS)),
            Map.entry("purpose", new TableCellType.OneOf(PURPOSES)),
            Map.entry("purchaseChannel", new TableCellType.OneOf(CHANNELS)),
            Map.entry("requesterRole", new TableCellType.OneOf(ROLES)),
            Map.entry("aiFeatures", new TableCellType.OneOf(AI_FEATURES)),
            Map.entry("location", new TableCellType.OneOf(LOCATIONS)),
            Map.entry("dataCategories", new TableCellType.OneOf(DATA_CATEGORIES)),
            Map.entry("subjects", new TableCellType.OneOf(SUBJECTS)),
            Map.entry("code", new TableCellType.Code()));

    /** An action's method (or the fact it creates) → the type of its cells. */
    private static final Map<String, TableCellType> ACTIONS = Map.ofEntries(
            Map.entry("new RouteChoice", new TableCellType.OneOf(ROUTES)),
            Map.entry("new RiskTierChoice", new TableCellType.OneOf(RISK_TIERS)),
            Map.entry("new ReviewChoice", new TableCellType.OneOf(REVIEW_LEVELS)),
            Map.entry("new ChecklistItem", new TableCellType.Code()),
            Map.entry("new Warning", new TableCellType.Code()),
            Map.entry("setResponsible", new TableCellType.OneOf(RESPONSIBLE)),
            Map.entry("setPhase", new TableCellType.OneOf(PHASES)),
            Map.entry("setDays", new TableCellType.WholeNumber(0, 9999)),
            Map.entry("setExtraDays", new TableCellType.WholeNumber(0, 9999)),
            Map.entry("setOrder", new TableCellType.WholeNumber(0, 9999)),
            Map.entry("setMandatory", new TableCellType.Flag()),
            Map.entry("setDa", new TableCellType.Text(1000)),
            Map.entry("setEn", new TableCellType.Text(1000)));

    private static final Pattern CONDITION_FIELD = Pattern.compile("(\\w+) (?:==|!=|contains) ");
    private static final Pattern ACTION_METHOD = Pattern.compile("(new \\w+|set\\w+)\\(");

    private Vocabulary() {
    }

    /**
     * The type of the cells of a column with this code (a template code row), or null when the project declares none
     * (a column the template does not know). A {@code forall} condition takes a list of its field's values. A type
     * goes with its quoting: text and codes only inside a string literal, flags and numbers only outside one.
     */
    static TableCellType typeOf(boolean condition, String code) {
        Matcher m = (condition ? CONDITION_FIELD : ACTION_METHOD).matcher(code);
        if (!m.find()) {
            return null;
        }
        TableCellType type = condition ? FIELDS.getOrDefault(m.group(1), new TableCellType.Flag()) : ACTIONS.get(m.group(1));
        if (condition && code.startsWith("forall(") && type instanceof TableCellType.OneOf one) {
            type = new TableCellType.AnyOf(one.values());
        }
        boolean quoted = code.contains("\"$");
        return type != null && type.quoted() == quoted ? type : null;
    }
}
