package dk.kk.itassessment.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An account as the users API answers it: never its password hash. */
@Schema(name = "User")
record Account(String username, String email, List<Role> roles, boolean enabled, Instant lockedUntil,
               Instant createdAt) {
}
