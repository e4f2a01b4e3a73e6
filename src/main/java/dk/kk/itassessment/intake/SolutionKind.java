package dk.kk.itassessment.intake;

/** What is being acquired ({@code solution.kind}). */
public enum SolutionKind {
    APP, DESKTOP_SOFTWARE, WEB_SERVICE, BROWSER_EXTENSION, HARDWARE_WITH_SOFTWARE, HARDWARE_WITHOUT_SOFTWARE
}
