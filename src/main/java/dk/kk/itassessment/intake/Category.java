package dk.kk.itassessment.intake;

/** What the solution is used for ({@code solution.category}). */
public enum Category {
    TEACHING, WELLBEING, ADMINISTRATIVE, LINE_OF_BUSINESS, INFRASTRUCTURE, UTILITY
}
