package dk.kk.itassessment.intake;

/** Whose personal data the solution processes ({@code personalData.subjects}). */
public enum DataSubject {
    PUPILS, CHILDREN, PARENTS, EMPLOYEES, OTHERS
}
