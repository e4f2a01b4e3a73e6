package dk.kk.itassessment.access;

import java.util.Arrays;
import java.util.List;

/**
 * The six roles of the contract, and MONITORING for the scraper of {@code /actuator/prometheus} (it reads the metrics
 * and nothing else, so that a monitoring system needs no ADMIN credentials); an account or API key has one or more.
 * Spring Security sees them as {@code ROLE_<name>}.
 */
public enum Role {
    REQUESTER,
    ADMINISTRATIVE_STAFF,
    REVIEWER,
    POLICY_OFFICER,
    ADMIN,
    INTAKE_CLIENT,
    MONITORING;

    static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    String authority() {
        return "ROLE_" + name();
    }
}
