package dk.kk.itassessment.intake;

/** Where the personal data is kept ({@code personalData.location}). */
public enum DataLocation {
    DENMARK, EU_EEA, ADEQUATE_COUNTRY, OTHER_THIRD_COUNTRY, UNKNOWN
}
