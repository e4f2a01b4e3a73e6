package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: the local accounts (ADMIN only, see docs/authorization.md). */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "Local accounts for HTTP Basic (ADMIN only)")
class UsersController {

    private final AccountService accounts;
    private final JsonBody json;

    UsersController(AccountService accounts, JsonBody json) {
        this.accounts = accounts;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account", description = "`username` 3–64 characters of a-z, 0-9, '.', '_', '-'; "
            + "`email` an e-mail address; `password` 12 characters or more, at most 72 bytes in UTF-8 (bcrypt's limit); `roles` a non-empty list of REQUESTER, "
            + "ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN, INTAKE_CLIENT, MONITORING. 409 when the username is taken.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = NewAccountBody.class))))
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it")
    ResponseEntity<Account> create(@RequestBody(required = false) byte[] body) {
        Account created = accounts.create(AccountFields.newAccount(json.read(body)));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the accounts", description = "Sorted by username; no password hashes.")
    List<Account> list() {
        return accounts.all();
    }

    @PutMapping(path = "/{username}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an account's roles", description = "A non-empty list of roles. 409 when it would "
            + "take ADMIN from the last enabled ADMIN.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = Role.class)))))
    Account setRoles(@PathVariable String username, @RequestBody(required = false) byte[] body) {
        return accounts.setRoles(username, AccountFields.roles(json.read(body)));
    }

    @DeleteMapping("/{username}")
    @Operation(summary = "Disable an account", description = "The account is kept and can no longer log in. 409 for "
            + "the last enabled ADMIN.")
    @ApiResponse(responseCode = "204", description = "Disabled")
    ResponseEntity<Void> disable(@PathVariable String username) {
        accounts.disable(username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Unlock an account", description = "Forgets the account's failed logins and lifts its locks, "
            + "from every client address; audited as `account.unlocked`. 204 also when it was not locked; 404 for an "
            + "unknown account.")
    @ApiResponse(responseCode = "204", description = "Unlocked")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        accounts.unlock(username);
        return ResponseEntity.noContent().build();
    }

    /** The shape of a new account, for the OpenAPI description. */
    @Schema(name = "NewUser")
    record NewAccountBody(String username, String email, @Schema(format = "password") String password,
                          List<Role> roles) {
    }
}
