package dk.kk.itassessment.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One entry of the audit trail, as stored and as answered. */
@Schema(name = "AuditEntry")
record AuditEntry(long seq, Instant at, String actor, String action, String target,
                  @Schema(type = "object") JsonNode details, String previousHash, String hash) {
}
