package dk.kk.itassessment.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of a walk along the chain; {@code firstBrokenEntry} (a seq) only when it is not intact. */
@Schema(name = "AuditVerification")
record Verification(boolean intact, long entries,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long firstBrokenEntry) {
}
