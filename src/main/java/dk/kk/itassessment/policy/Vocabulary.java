package dk.kk.itassessment.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values a decision-table cell may hold, chosen by the code of its column (the template row the project owns):
 * a cell in a column whose code compares {@code route == "$param"} must be one of the routes, and so on. A value
 * outside the list is refused before anything is compiled, naming the cell and the allowed values.
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

    /** Column code → the values its cells may hold. Columns not listed take a code (A–Z, 0–9, _) or typed text. */
    private static final Map<Pattern, Set<String>> BY_CODE = new LinkedHashMap<>();

    static {
        BY_CODE.put(Pattern.compile("\\broute\\s*[!=]=|new RouteChoice\\("), ROUTES);
        BY_CODE.put(Pattern.compile("\\btier\\s*==|new RiskTierChoice\\("), RISK_TIERS);
        BY_CODE.put(Pattern.compile("new ReviewChoice\\("), REVIEW_LEVELS);
        BY_CODE.put(Pattern.compile("setResponsible\\("), RESPONSIBLE);
        BY_CODE.put(Pattern.compile("setPhase\\("), PHASES);
        BY_CODE.put(Pattern.compile("\\bportfolio\\s*[!=]="), PORTFOLIO);
        BY_CODE.put(Pattern.compile("\\bagreement\\s*[!=]="), AGREEMENTS);
        BY_CODE.put(Pattern.compile("\\bkind\\s*[!=]="), KINDS);
        BY_CODE.put(Pattern.compile("\\bpurpose\\s*[!=]="), PURPOSES);
        BY_CODE.put(Pattern.compile("\\bpurchaseChannel\\s*[!=]="), CHANNELS);
        BY_CODE.put(Pattern.compile("\\brequesterRole\\s*[!=]="), ROLES);
        BY_CODE.put(Pattern.compile("\\baiFeatures\\s+contains"), AI_FEATURES);
        BY_CODE.put(Pattern.compile("\\blocation\\s*[!=]="), LOCATIONS);
        BY_CODE.put(Pattern.compile("\\bdataCategories\\s+contains"), DATA_CATEGORIES);
        BY_CODE.put(Pattern.compile("\\bsubjects\\s+contains"), SUBJECTS);
    }

    private Vocabulary() {
    }

    /** The allowed values for a column with this code, or null when the column takes free codes or text. */
    static Set<String> forCode(String code) {
        for (Map.Entry<Pattern, Set<String>> entry : BY_CODE.entrySet()) {
            if (entry.getKey().matcher(code).find()) {
                return entry.getValue();
            }
        }
        return null;
    }
}
