package dk.kk.itassessment.intake;

/** The requester's role ({@code requester.role}). */
public enum RequesterRole {
    TEACHER, PEDAGOGUE, LEADER, ADMINISTRATIVE, IT_COORDINATOR, OTHER
}
