package dk.kk.itassessment.notifications;

import dk.kk.itassessment.cases.CaseSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an entry of a case's history says to a person, in Danish and in English: labels, never codes, and the item's
 * title rather than its code. An event this does not know is named as it is, so that a new one is still told.
 */
final class EventTexts {

    /** One line of a mail: what happened, in both languages. */
    record Line(String event, String at, String actor, String da, String en) {
    }

    private static final Map<String, String[]> ROUTES = Map.of(
            "FULL_ACQUISITION", new String[]{"fuld anskaffelse", "full acquisition"},
            "FAST_TRACK_ACQUISITION", new String[]{"hurtig anskaffelse", "fast-track acquisition"},
            "DATA_AGREEMENT_REQUEST", new String[]{"anmodning om databehandleraftale", "data agreement request"},
            "USE_EXISTING_PERMISSION", new String[]{"brug af eksisterende tilladelse", "use of an existing permission"},
            "AWAIT_PENDING_ACQUISITION", new String[]{"afvent igangværende anskaffelse", "await a pending acquisition"},
            "NOT_PERMITTED", new String[]{"ikke tilladt", "not permitted"},
            "NOT_AN_IT_ACQUISITION", new String[]{"ikke en IT-anskaffelse", "not an IT acquisition"});
    private static final Map<String, String[]> STATES = Map.of(
            "OPEN", new String[]{"åbent igen", "open again"},
            "DONE", new String[]{"udført", "done"},
            "NOT_APPLICABLE", new String[]{"ikke relevant", "not applicable"},
            "RETURNED", new String[]{"sendt tilbage til anmelderen", "sent back to the requester"});
    private static final Map<String, String[]> STATUSES = Map.of(
            "OPEN", new String[]{"åben", "open"},
            "RETURNED", new String[]{"venter på anmelderen", "waiting for the requester"},
            "GRANTED", new String[]{"godkendt", "granted"},
            "REFUSED", new String[]{"afslået", "refused"},
            "WITHDRAWN", new String[]{"trukket tilbage", "withdrawn"},
            "CLOSED", new String[]{"lukket", "closed"});

    private EventTexts() {
    }

    static Line of(CaseSummary.Event e, CaseSummary c, String at) {
        Map<String, Object> d = e.details();
        String[] t = switch (e.event()) {
            case "OPENED" -> pair("Sagen er oprettet (" + label(ROUTES, d.get("route"), 0) + ", " + d.get("items")
                            + " punkter på tjeklisten).",
                    "The case was opened (" + label(ROUTES, d.get("route"), 1) + ", " + d.get("items")
                            + " checklist items).");
            case "ITEM_DONE", "ITEM_OPEN", "ITEM_NOT_APPLICABLE", "ITEM_RETURNED" -> {
                CaseSummary.Title title = c.items().get(String.valueOf(d.get("item")));
                String da = title == null ? String.valueOf(d.get("item")) : title.da();
                String en = title == null ? String.valueOf(d.get("item")) : title.en();
                yield pair("Punktet »" + da + "« er " + label(STATES, d.get("to"), 0) + note(d, "Note"),
                        "The item “" + en + "” is " + label(STATES, d.get("to"), 1) + note(d, "Note"));
            }
            case "STATUS_CHANGED" -> pair("Sagen er nu " + label(STATUSES, d.get("to"), 0) + ".",
                    "The case is now " + label(STATUSES, d.get("to"), 1) + ".");
            case "GRANTED" -> pair("Sagen er afgjort: tilladelsen er givet" + until(d, " (gyldig til ") + note(d, "Note"),
                    "The case is decided: permission granted" + until(d, " (valid until ") + note(d, "Note"));
            case "REFUSED" -> pair("Sagen er afgjort: anmodningen er afslået" + note(d, "Begrundelse"),
                    "The case is decided: the request is refused" + note(d, "Reason"));
            case "WITHDRAWN" -> pair("Sagen er trukket tilbage" + note(d, "Note"),
                    "The case was withdrawn" + note(d, "Note"));
            case "ASSIGNED" -> d.get("to") == null
                    ? pair("Sagen har ikke længere en sagsbehandler.", "The case no longer has an assignee.")
                    : pair("Sagen er tildelt " + d.get("to") + ".", "The case is assigned to " + d.get("to") + ".");
            case "COMMENTED" -> e.internal()
                    ? pair("Intern kommentar: " + quote(d.get("text")), "Internal comment: " + quote(d.get("text")))
                    : pair("Kommentar: " + quote(d.get("text")), "Comment: " + quote(d.get("text")));
            case "REGISTRY_UPDATED" -> pair("Porteføljen er opdateret efter sagen.",
                    "The portfolio was updated by the case.");
            case "POLICY_CHANGED" -> pair("Politikken er ændret: sagen ville blive afgjort anderledes nu"
                            + list(d.get("differences")),
                    "The policy changed: the case would be decided otherwise now" + list(d.get("differences")));
            case "POLICY_UNCHANGED" -> pair("Politikken afgør igen sagen som før.",
                    "The policy decides the case as before again.");
            case "REASSESSED" -> pair("Sagen er vurderet igen efter det gældende regelsæt.",
                    "The case was reassessed with the active rule set.");
            case OverdueNotices.EVENT -> pair("Sagen har overskredet sin frist, " + d.get("dueDate") + ".",
                    "The case is past its due date, " + d.get("dueDate") + ".");
            default -> pair("Sagen er ændret (" + e.event() + ").", "The case changed (" + e.event() + ").");
        };
        return new Line(e.event(), at, e.actor(), t[0], t[1]);
    }

    /** The due date of an overdue case, as a history-like event of notifications' own. */
    static CaseSummary.Event overdue(LocalDate dueDate, java.time.Instant at) {
        return new CaseSummary.Event(at, "system", OverdueNotices.EVENT, Map.of("dueDate", dueDate.toString()), false);
    }

    private static String[] pair(String da, String en) {
        return new String[]{da, en};
    }

    private static String label(Map<String, String[]> labels, Object code, int language) {
        String[] label = labels.get(String.valueOf(code));
        return label == null ? String.valueOf(code) : label[language];
    }

    private static String note(Map<String, Object> d, String name) {
        Object note = d.get("note");
        return note == null ? "." : ". " + name + ": " + quote(note);
    }

    private static String until(Map<String, Object> d, String prefix) {
        Object until = d.get("permissionValidUntil");
        return until == null ? "" : prefix + until + ")";
    }

    private static String quote(Object text) {
        String s = String.valueOf(text).strip();
        return "“" + (s.length() > 1000 ? s.substring(0, 1000) + "…" : s) + "”";
    }

    private static String list(Object differences) {
        return differences instanceof List<?> l && !l.isEmpty()
                ? ": " + String.join("; ", l.stream().map(String::valueOf).toList()) + "." : ".";
    }
}
