package dk.kk.itassessment.intake;

/** The kind of institution the requester works at ({@code requester.institutionType}). */
public enum InstitutionType {
    SCHOOL, DAYCARE, YOUTH_CLUB, ADMINISTRATION
}
