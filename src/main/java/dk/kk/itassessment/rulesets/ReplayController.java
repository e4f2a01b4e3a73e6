package dk.kk.itassessment.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/assessments/{id}/replay}: a stored decision evaluated again (CONTRACT.md "Rule sets"). */
@RestController
@Tag(name = "Rule sets")
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @PostMapping(path = "/api/v1/assessments/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Evaluate a stored assessment again",
            description = "against=recorded (default): with the version that decided it; against=active: with the one "
                    + "that decides now. The stored request and look-ups (as made on their day) are used; identical "
                    + "is true when the decision (route, review, risk tier, DPIA, days, warnings, checklist) is the same.")
    Replays.Replay replay(@PathVariable String id, @RequestParam(required = false) String against) {
        return replays.replay(id, against);
    }
}
