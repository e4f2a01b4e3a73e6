package dk.kk.itassessment.intake;

/** Why the request is made ({@code purpose}). */
public enum Purpose {
    NEW_USE, TRIAL, RENEWAL, EXTEND_TO_INSTITUTION
}
