package dk.kk.itassessment.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.intake.AssessmentRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/assessments}: assess and store, preview, read one, list. The body is read as bytes and checked
 * by {@link dk.kk.itassessment.intake.RequestReader}, so every bad field is named at once.
 * (Lives in assessment/, not intake/, so that intake stays a leaf: the request model knows no service.)
 * The caller is passed on: the assessment records who submitted it, and who may read it depends on the roles.
 */
@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assessments", description = "Assess an IT acquisition request against the policy")
class AssessmentController {

    private final AssessmentService service;

    AssessmentController(AssessmentService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assess a request and store the decision",
            description = "201 with the decision; with an Idempotency-Key a repeat of the same body answers 200 with "
                    + "the first assessment, and the same key with another body is 409. A key is the caller's own: "
                    + "another caller's use of it changes nothing.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @ApiResponse(responseCode = "200", description = "A repeat with the same Idempotency-Key and body",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    ResponseEntity<byte[]> assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AssessmentRequest.class))) @RequestBody byte[] body,
            @Parameter(description = "1–100 printable ASCII characters") @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication caller) {
        AssessmentService.Outcome outcome = service.assess(body, idempotencyKey, Caller.of(caller));
        byte[] answer = outcome.answer();
        if (!outcome.created()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + outcome.id())).body(answer);
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Evaluate a request without storing it (id and assessedAt are null)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    byte[] preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = AssessmentRequest.class))) @RequestBody byte[] body) {
        return utf8(service.preview(body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A stored assessment", description = "Reviewers, policy officers and admins read every "
            + "assessment; others only their own (submitted by them, or with their account's e-mail address as the "
            + "requester's): another's answers 404, as an unknown id does.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    byte[] find(@PathVariable String id, Authentication caller) {
        return utf8(service.find(id, Caller.of(caller)));
    }

    @GetMapping
    @Operation(summary = "Stored assessments, newest first", description = "size is 1–100 (default 20); route and "
            + "institution filter (the institution is compared ignoring case and extra white space). Reviewers, "
            + "policy officers and admins see every assessment; others only their own.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentPage.class)))
    String list(@RequestParam(required = false) String route,
                                @RequestParam(required = false) String institution,
                                @RequestParam(required = false) String page,
                                @RequestParam(required = false) String size,
                                Authentication caller) {
        return service.list(route, institution, page, size, Caller.of(caller));
    }

    /**
     * Answers are JSON text made once; sent as bytes they are encoded once (as a String they were encoded twice: once
     * to count the bytes, once to write them).
     */
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The shape of a page of assessments, for the OpenAPI description. */
    @Schema(name = "AssessmentPage")
    record AssessmentPage(java.util.List<AssessmentView> items, int page, int size, long total) {
    }
}
