package dk.kk.itassessment.cases;

import dk.kk.itassessment.platform.FieldErrors;
import dk.kk.itassessment.platform.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The bodies of the case operations, read strictly: every bad field named at once, no unknown property. */
final class CaseBodies {

    static final int MAX_NOTE = 4000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}|api-key:[\\x21-\\x7E ]{1,100}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    record ItemChange(Case.State state, String note) {
    }

    record Comment(String text, boolean internal) {
    }

    record Decision(String decision, LocalDate permissionValidUntil, String note) {
    }

    private final JsonNode body;
    private final FieldErrors errors = new FieldErrors();

    private CaseBodies(JsonNode body, String... allowed) {
        this.body = body;
        if (!body.isObject()) {
            errors.reject("$", "must be a JSON object");
            return;
        }
        Set<String> known = Set.of(allowed);
        body.propertyNames().forEach(name -> {
            if (!known.contains(name)) {
                errors.reject(name, "is not a property of this body (allowed: " + String.join(", ", allowed) + ")");
            }
        });
    }

    static ItemChange itemChange(JsonNode body) {
        CaseBodies read = new CaseBodies(body, "state", "note");
        String state = read.text("state", 20, true, true);
        Case.State parsed = null;
        if (state != null) {
            try {
                parsed = Case.State.valueOf(state);
            } catch (IllegalArgumentException e) {
                read.reject("state", "must be one of " + names(Case.State.values()));
            }
        }
        String note = read.text("note", MAX_NOTE, false, false);
        read.throwIfAny();
        return new ItemChange(parsed, note);
    }

    static Comment comment(JsonNode body) {
        CaseBodies read = new CaseBodies(body, "text", "internal");
        String text = read.text("text", MAX_NOTE, true, false);
        boolean internal = read.flag("internal");
        read.throwIfAny();
        return new Comment(text, internal);
    }

    /** The assignee's user name, or null to unassign. */
    static String assignee(JsonNode body) {
        CaseBodies read = new CaseBodies(body, "username");
        if (read.body.isObject() && !read.body.has("username")) {
            read.reject("username", "is required (a user name, or null to unassign)");
        }
        String username = read.text("username", 200, false, true);
        if (username != null && !USERNAME.matcher(username).matches()) {
            read.reject("username", "must be a user name (3–64 characters of a-z 0-9 . _ -)");
        }
        read.throwIfAny();
        return username;
    }

    static Decision decision(JsonNode body, LocalDate today) {
        CaseBodies read = new CaseBodies(body, "decision", "permissionValidUntil", "note");
        String decision = read.text("decision", 20, true, true);
        if (decision != null && !decision.equals("GRANTED") && !decision.equals("REFUSED")) {
            read.reject("decision", "must be one of GRANTED, REFUSED");
        }
        String until = read.text("permissionValidUntil", 10, false, true);
        LocalDate validUntil = null;
        if (until != null) {
            try {
                validUntil = DATE.matcher(until).matches() ? LocalDate.parse(until) : null;
            } catch (DateTimeParseException e) {
                validUntil = null;
            }
            if (validUntil == null) {
                read.reject("permissionValidUntil", "must be a date YYYY-MM-DD");
            } else if ("REFUSED".equals(decision)) {
                read.reject("permissionValidUntil", "is given only with GRANTED");
            } else if (validUntil.isBefore(today)) {
                read.reject("permissionValidUntil", "must not be in the past");
            }
        }
        String note = read.text("note", MAX_NOTE, "REFUSED".equals(decision), false);
        read.throwIfAny();
        return new Decision(decision, validUntil, note);
    }

    /** A withdrawal's note (optional); an empty body is a withdrawal without one. */
    static String withdrawal(JsonNode body) {
        CaseBodies read = new CaseBodies(body, "note");
        String note = read.text("note", MAX_NOTE, false, false);
        read.throwIfAny();
        return note;
    }

    private String text(String field, int max, boolean required, boolean oneLine) {
        JsonNode value = body.isObject() ? body.get(field) : null;
        if (value == null || value.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.asString();
        String forbidden = oneLine ? Text.forbiddenInLine(text) : Text.forbiddenCharacter(text);
        if (forbidden != null) {
            reject(field, forbidden);
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            reject(field, "at most " + max + " characters");
            return null;
        }
        if (text.isBlank()) {
            if (required) {
                reject(field, "must not be blank");
            }
            return null;
        }
        return text.strip();
    }

    private boolean flag(String field) {
        JsonNode value = body.isObject() ? body.get(field) : null;
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return false;
        }
        return value.asBoolean();
    }

    private void reject(String field, String message) {
        errors.reject(field, message);
    }

    private void throwIfAny() {
        errors.throwIfAny();
    }

    static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
