package dk.kk.itassessment.policy.facts;

import java.time.LocalDate;

/**
 * The registry's matches for a request as the rules see them (the fact type {@code Lookups} of rules/derive and of
 * the officers' tables; the name is the rules', kept so that every stored rule-set version still compiles), raw as
 * stored: the rules decide what an expiry date means.
 * {@code portfolioPermission} and {@code supplierAgreement} are {@code NONE} when nothing matched.
 */
public final class Lookups {

    private final String portfolioPermission;
    private final LocalDate permissionValidUntil;
    private final boolean institutionConnected;
    private final String supplierAgreement;
    private final LocalDate agreementValidUntil;
    private final boolean solutionCovered;
    private final int alternatives;
    private final LocalDate today;

    public Lookups(String portfolioPermission, LocalDate permissionValidUntil, boolean institutionConnected,
                   String supplierAgreement, LocalDate agreementValidUntil, boolean solutionCovered,
                   int alternatives, LocalDate today) {
        this.portfolioPermission = portfolioPermission;
        this.permissionValidUntil = permissionValidUntil;
        this.institutionConnected = institutionConnected;
        this.supplierAgreement = supplierAgreement;
        this.agreementValidUntil = agreementValidUntil;
        this.solutionCovered = solutionCovered;
        this.alternatives = alternatives;
        this.today = today;
    }

    public String getPortfolioPermission() { return portfolioPermission; }
    public LocalDate getPermissionValidUntil() { return permissionValidUntil; }
    public boolean isInstitutionConnected() { return institutionConnected; }
    public String getSupplierAgreement() { return supplierAgreement; }
    public LocalDate getAgreementValidUntil() { return agreementValidUntil; }
    public boolean isSolutionCovered() { return solutionCovered; }
    public int getAlternatives() { return alternatives; }
    public boolean isAlternativeExists() { return alternatives > 0; }
    public LocalDate getToday() { return today; }

    /** The permission's end date is set and lies before today (whatever the stored permission says). */
    public boolean isPermissionPastEndDate() {
        return permissionValidUntil != null && permissionValidUntil.isBefore(today);
    }

    /** The agreement's end date is set and lies before today (whatever the stored agreement says). */
    public boolean isAgreementPastEndDate() {
        return agreementValidUntil != null && agreementValidUntil.isBefore(today);
    }
}
