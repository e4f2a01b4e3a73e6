package dk.kk.itassessment.policy;

import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.Lookups;
import java.time.LocalDate;
import java.util.Set;

/**
 * A request and its look-ups as the rules see them, starting from a plain case (a teacher's new paid app, no
 * personal data, nothing in the registry) and changed one fact at a time.
 */
final class Facts {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    String requesterRole = "TEACHER";
    String institutionType = "SCHOOL";
    String kind = "APP";
    String category = "TEACHING";
    String purpose = "NEW_USE";
    boolean free = false;
    String purchaseChannel = "SUPPLIER";
    boolean personalData = false;
    Set<String> subjects = Set.of();
    Set<String> dataCategories = Set.of();
    String location = null;
    boolean supplierOwnPurposes = false;
    boolean purchased, contractSigned, inUse;
    int users = 25;
    Set<String> aiFeatures = Set.of();

    String portfolio = "NONE";
    LocalDate permissionValidUntil;
    boolean institutionConnected;
    String agreement = "NONE";
    LocalDate agreementValidUntil;
    boolean covered;
    int alternatives;

    static Facts plain() {
        return new Facts();
    }

    /** Personal data about pupils (contact details), kept in Denmark. */
    Facts pupilData() {
        personalData = true;
        subjects = Set.of("PUPILS");
        dataCategories = Set.of("CONTACT");
        location = "DENMARK";
        return this;
    }

    Facts employeeData() {
        personalData = true;
        subjects = Set.of("EMPLOYEES");
        dataCategories = Set.of("CONTACT");
        location = "EU_EEA";
        return this;
    }

    /** The registry look-ups (or, for route 1, the kind) that lead the plain case to this route. */
    Facts onRoute(String route) {
        switch (route) {
            case "NOT_AN_IT_ACQUISITION" -> kind = "HARDWARE_WITHOUT_SOFTWARE";
            case "NOT_PERMITTED" -> portfolio = "REFUSED";
            case "USE_EXISTING_PERMISSION" -> portfolio = "GRANTED";
            case "AWAIT_PENDING_ACQUISITION" -> portfolio = "PENDING";
            case "DATA_AGREEMENT_REQUEST" -> { agreement = "ACTIVE"; covered = true; }
            case "FAST_TRACK_ACQUISITION" -> agreement = "ACTIVE";
            case "FULL_ACQUISITION" -> { }
            default -> throw new IllegalArgumentException(route);
        }
        return this;
    }

    Facts with(java.util.function.Consumer<Facts> change) {
        change.accept(this);
        return this;
    }

    Acquisition acquisition() {
        return new Acquisition(requesterRole, institutionType, kind, category, purpose, free, purchaseChannel,
                personalData, subjects, dataCategories, location, supplierOwnPurposes, purchased, contractSigned,
                inUse, users, aiFeatures);
    }

    Lookups lookups() {
        return new Lookups(portfolio, permissionValidUntil, institutionConnected, agreement, agreementValidUntil,
                covered, alternatives, TODAY);
    }
}
