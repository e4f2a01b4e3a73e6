package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The users API's field rules, every bad field named at once (the API keys' too, see {@link ApiKeyFields}). Passwords
 * never appear in a message.
 */
final class AccountFields {

    static final int MIN_PASSWORD = 12;
    /** bcrypt reads no more of a password than this (Spring Security refuses a longer one rather than cut it). */
    static final int MAX_PASSWORD_BYTES = 72;
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Set<String> KNOWN = Set.of("username", "email", "password", "roles");

    /** A valid request to create an account. */
    record NewAccount(String username, String email, String password, List<Role> roles) {
        @Override
        public String toString() {
            return "NewAccount[username=" + username + ", email=" + email + ", roles=" + roles + "]";
        }
    }

    private final FieldErrors errors = new FieldErrors();

    AccountFields() {
    }

    static NewAccount newAccount(JsonNode body) {
        AccountFields fields = new AccountFields();
        if (!body.isObject()) {
            fields.reject("$", "must be a JSON object");
            fields.throwIfAny();
        }
        for (String name : body.propertyNames()) {
            if (!KNOWN.contains(name)) {
                fields.reject(name, "is not a known property (known: email, password, roles, username)");
            }
        }
        String username = fields.text(body, "username");
        if (username != null && !USERNAME.matcher(username).matches()) {
            fields.reject("username", "3 to 64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        String email = fields.text(body, "email");
        if (email != null && !dk.kk.itassessment.platform.EmailAddress.isValid(email)) {
            fields.reject("email", "must be an e-mail address such as name@example.dk");
        }
        String password = fields.text(body, "password");
        String problem = password == null ? null : passwordProblem(password);
        if (problem != null) {
            fields.reject("password", problem);
        }
        List<Role> roles = fields.roles(body.get("roles"), "roles");
        fields.throwIfAny();
        return new NewAccount(username, email, password, roles);
    }

    /**
     * What is wrong with a password, or null: at least {@value #MIN_PASSWORD} characters, at most
     * {@value #MAX_PASSWORD_BYTES} bytes in UTF-8 (bcrypt's limit: 72 letters of a-z, fewer with æ, ø or å, which
     * take two bytes each).
     */
    static String passwordProblem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            return "must be at least " + MIN_PASSWORD + " characters";
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            return "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (it has " + bytes
                    + "): bcrypt, which stores it, reads no more; a letter such as æ, ø or å takes two";
        }
        return null;
    }

    static List<Role> roles(JsonNode body) {
        AccountFields fields = new AccountFields();
        List<Role> roles = fields.roles(body, "$");
        fields.throwIfAny();
        return roles;
    }

    String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            reject(name, "is required");
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        return value.asString();
    }

    List<Role> roles(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            reject(field, "is required: a non-empty list of roles");
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            reject(field, "must be a non-empty list of roles (" + String.join(", ", Role.NAMES) + ")");
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        int i = 0;
        for (JsonNode item : value.values()) {
            if (item.isString() && Role.NAMES.contains(item.asString())) {
                roles.add(Role.valueOf(item.asString()));
            } else {
                reject(field + "[" + i + "]", "must be one of " + String.join(", ", Role.NAMES));
            }
            i++;
        }
        return List.copyOf(roles);
    }

    void reject(String field, String message) {
        errors.reject(field, message);
    }

    void throwIfAny() {
        errors.throwIfAny();
    }
}
