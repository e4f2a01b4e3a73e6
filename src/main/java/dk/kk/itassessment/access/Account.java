package dk.kk.itassessment.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An account as the users API answers it: never its password hash. */
@Schema(name = "User")
record Account(String username, String email, List<Role> roles, boolean enabled,
               @Schema(description = "The end of the latest lock of any client address out of the account; null when "
                       + "none is locked (docs/authorization.md, \"Lockout\")") Instant lockedUntil,
               Instant createdAt) {
}
