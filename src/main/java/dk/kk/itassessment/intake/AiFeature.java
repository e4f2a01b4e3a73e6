package dk.kk.itassessment.intake;

/** An AI capability of the solution ({@code solution.aiFeatures}). */
public enum AiFeature {
    GENERATIVE, GRADING, ADAPTIVE_LEARNING, PROCTORING, EMOTION_RECOGNITION, OTHER
}
