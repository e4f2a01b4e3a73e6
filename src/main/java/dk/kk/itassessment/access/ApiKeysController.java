package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/api-keys}: keys for machine clients such as intake forms (ADMIN only, see docs/authorization.md). */
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys", description = "Keys for machine clients, sent as `Authorization: Bearer <key>` (ADMIN only)")
class ApiKeysController {

    private final ApiKeyService keys;
    private final JsonBody json;

    ApiKeysController(ApiKeyService keys, JsonBody json) {
        this.keys = keys;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an API key", description = "`name` 1–100 characters (the caller is then "
            + "`api-key:<name>`, e.g. as the submitter of an assessment); `roles` a non-empty list of REQUESTER, "
            + "ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN, INTAKE_CLIENT, MONITORING. The answer holds the key: it "
            + "is shown this once (only its SHA-256 is kept).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = NewApiKeyBody.class))))
    @ApiResponse(responseCode = "201", description = "Created: `{ \"id\", \"key\" }`")
    ResponseEntity<ApiKeyService.Created> create(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.create(ApiKeyFields.newKey(json.read(body))));
    }

    @GetMapping
    @Operation(summary = "List the API keys", description = "Oldest first, revoked ones too; never a key or its hash.")
    List<ApiKey> list() {
        return keys.all();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "The key is kept, for the record, and is refused from "
            + "now on like a wrong one. 404 for an unknown id.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    /** The shape of a new API key, for the OpenAPI description. */
    @Schema(name = "NewApiKey")
    record NewApiKeyBody(String name, List<Role> roles) {
    }
}
