package dk.kk.itassessment.intake;

/** Which kinds of personal data the solution processes ({@code personalData.categories}). */
public enum DataCategory {
    CONTACT, ASSESSMENTS, PHOTO_VIDEO_AUDIO, CPR, SENSITIVE, WELLBEING, LOCATION, BIOMETRIC, OTHER
}
