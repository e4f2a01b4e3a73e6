package dk.kk.itassessment.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as the list answers it: never the key itself or its hash. */
@Schema(name = "ApiKey")
record ApiKey(UUID id, String name, List<Role> roles, String createdBy, Instant createdAt, Instant revokedAt,
              Instant lastUsedAt) {
}
