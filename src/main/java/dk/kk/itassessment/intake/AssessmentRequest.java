package dk.kk.itassessment.intake;

import java.math.BigDecimal;
import java.util.List;

/**
 * A request to assess an IT acquisition, as the contract describes it, after validation ({@link RequestReader}).
 * Defaults are applied here, so a record built in code reads the same as one read from JSON: no AI features,
 * purchase channel {@code NONE}, status all false, no data subjects or categories.
 *
 * @param users        how many will use the solution; {@code null} when not given
 * @param need         free text; {@code null} when not given
 * @param operations   never {@code null}; its fields are {@code null} when not given
 */
public record AssessmentRequest(Requester requester, Solution solution, Purpose purpose, Cost cost,
                                PersonalData personalData, Status status, Integer users, String need,
                                String expectedGains, Operations operations) {

    public AssessmentRequest {
        status = status == null ? Status.NONE : status;
        operations = operations == null ? Operations.NONE : operations;
    }

    public record Requester(String name, String email, RequesterRole role, String institution,
                            InstitutionType institutionType) {
    }

    /**
     * @param supplierCvr a valid Danish CVR number (8 digits) or {@code null}
     * @param url         an absolute http(s) URL or {@code null}
     * @param aiFeatures  in the order given, without repeats
     */
    public record Solution(String name, String supplierName, String supplierCvr, SolutionKind kind,
                           Category category, String url, List<AiFeature> aiFeatures) {

        public Solution {
            aiFeatures = aiFeatures == null ? List.of() : List.copyOf(aiFeatures);
        }
    }

    /** @param priceDkk {@code null} when not given; 0 or {@code null} when {@code free} */
    public record Cost(boolean free, BigDecimal priceDkk, PurchaseChannel purchaseChannel) {

        public Cost {
            purchaseChannel = purchaseChannel == null ? PurchaseChannel.NONE : purchaseChannel;
        }
    }

    /**
     * @param subjects   in the order given, without repeats; empty when not {@code processed}
     * @param categories in the order given, without repeats; empty when not {@code processed}
     * @param location   required when {@code processed}, else {@code null} or as given
     */
    public record PersonalData(boolean processed, List<DataSubject> subjects, List<DataCategory> categories,
                               DataLocation location, boolean supplierOwnPurposes) {

        public PersonalData {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    public record Status(boolean purchased, boolean contractSigned, boolean inUse) {

        static final Status NONE = new Status(false, false, false);
    }

    /** @param hoursPerMonth {@code null} when not given */
    public record Operations(String responsible, BigDecimal hoursPerMonth) {

        static final Operations NONE = new Operations(null, null);
    }
}
