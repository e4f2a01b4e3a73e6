package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What the case pages show, in the page's language: labels for every code (from {@code messages/common}, the
 * cases' own texts from {@code messages/cases}), dates in Copenhagen time, the explanation's table rows as links
 * into the table view, the checklist by phase, the history as sentences. The templates only lay it out.
 */
@Component
class CasePageModel {

    /** {@code decision-tables/routes.drl.xlsx, sheet Routes, row 14} (RuleSource#describe). */
    private static final Pattern TABLE_ROW = Pattern.compile(
            "decision-tables/([a-z][a-z0-9-]{0,60})\\.drl\\.(?:xlsx|csv)(?:, sheet ([A-Za-z0-9_-]{1,100}))?, row (\\d{1,7})");
    private static final Pattern ROUTE = Pattern.compile("route (\\S+) → (\\S+)");
    private static final Pattern REVIEW = Pattern.compile("securityReview (\\S+) → (\\S+)");
    private static final Pattern ADDED = Pattern.compile("item added (\\S+)");
    private static final Pattern DROPPED = Pattern.compile("item dropped (\\S+)");
    private static final Pattern ASKED = Pattern.compile("item (\\S+) (\\S+)/(\\S+)/(\\S+) → (\\S+)/(\\S+)/(\\S+)");
    private static final Pattern TOO_LONG = Pattern.compile("at most (\\d+) characters");

    private final MessageSource messages;

    CasePageModel(MessageSource messages) {
        this.messages = messages;
    }

    // --- texts ---

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A code's label ({@code route.FULL_ACQUISITION}); the code itself only when no label exists anywhere. */
    String label(String prefix, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String label = messages.getMessage(prefix + "." + code, null, null, locale);
        if (label == null) {
            label = messages.getMessage("cases." + prefix + "." + code, null, null, locale);
        }
        return label == null ? code : label;
    }

    /**
     * Who is responsible, for the person reading: common's label speaks to the requester ("you"); the office reads
     * "the requester" ({@code cases.responsible.*}).
     */
    String responsible(String code, boolean office, Locale locale) {
        String own = office ? messages.getMessage("cases.responsible." + code, null, null, locale) : null;
        return own != null ? own : label("responsible", code, locale);
    }

    static String text(Evaluation.Text text, Locale locale) {
        return text == null ? "" : english(locale) ? text.en() : text.da();
    }

    static String text(JsonNode text, Locale locale) {
        if (text == null || text.isNull()) {
            return "";
        }
        JsonNode chosen = text.get(english(locale) ? "en" : "da");
        return chosen == null || chosen.isNull() ? "" : chosen.asString();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    String when(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern(message("cases.format.when", locale), locale)
                .withZone(Case.COPENHAGEN).format(at);
    }

    String day(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofPattern(message("cases.format.day", locale), locale).format(day);
    }

    /** The API's field errors in the page's language where the message is one of the common kinds. */
    List<FieldMessage> fieldErrors(InvalidRequest e, Locale locale) {
        List<FieldMessage> errors = new ArrayList<>();
        for (Problems.FieldError error : e.errors()) {
            String field = error.field();
            errors.add(new FieldMessage(field, message("cases.field." + field, locale), fieldMessage(error.message(), locale)));
        }
        return errors;
    }

    private String fieldMessage(String message, Locale locale) {
        Matcher tooLong = TOO_LONG.matcher(message);
        if (tooLong.find()) {
            return message("cases.error.too-long", locale, tooLong.group(1));
        }
        if (message.startsWith("is required when an item is sent back")) {
            return message("cases.error.note-returned", locale);
        }
        if (message.startsWith("is required when a mandatory item is not applicable")) {
            return message("cases.error.note-not-applicable", locale);
        }
        if (message.startsWith("is required") || message.startsWith("must not be blank")) {
            return message("cases.error.required", locale);
        }
        if (message.startsWith("must be a date")) {
            return message("cases.error.date", locale);
        }
        if (message.startsWith("must not be in the past")) {
            return message("cases.error.past", locale);
        }
        if (message.startsWith("must be a user name")) {
            return message("cases.error.username", locale);
        }
        if (message.startsWith("is given only with GRANTED")) {
            return message("cases.error.validity-refused", locale);
        }
        if (message.startsWith("must be one of")) {
            return message("cases.error.choice", locale);
        }
        return message("cases.error.invalid", locale);
    }

    /** Why a change was refused (409): for a grant, the mandatory items still to settle, by title. */
    String conflict(CaseView now, String formId, Locale locale) {
        if (!now.status().equals("OPEN") && !now.status().equals("RETURNED")) {
            return message("cases.error.ended", locale, label("status", now.status(), locale));
        }
        if (formId.equals("decision") && now.status().equals("RETURNED")) {
            return message("cases.error.waiting", locale);
        }
        if (formId.equals("decision")) {
            List<String> open = now.items().stream()
                    .filter(i -> i.mandatory() && (i.state().equals("OPEN") || i.state().equals("RETURNED")))
                    .map(i -> text(i.title(), locale)).toList();
            if (!open.isEmpty()) {
                return message("cases.error.open-items", locale, String.join("; ", open));
            }
        }
        return message("cases.error.conflict", locale);
    }

    record FieldMessage(String field, String label, String message) {
    }

    // --- the list ---

    record Choice(String value, String label) {
    }

    Map<String, List<Choice>> filterChoices(Locale locale) {
        Map<String, List<Choice>> choices = new LinkedHashMap<>();
        choices.put("status", choices("status", codes(Case.Status.values()), locale));
        choices.put("phase", choices("phase", Case.PHASES, locale));
        choices.put("responsible", List.of("REQUESTER", "ADMINISTRATIVE_STAFF", "DIGITALISATION_OFFICE", "GROUP_IT",
                "DPO", "SUPPLIER").stream().map(code -> new Choice(code, responsible(code, true, locale))).toList());
        choices.put("overdue", List.of(new Choice("true", message("cases.filter.overdue.true", locale)),
                new Choice("false", message("cases.filter.overdue.false", locale))));
        return choices;
    }

    private List<Choice> choices(String prefix, List<String> codes, Locale locale) {
        return codes.stream().map(code -> new Choice(code, label(prefix, code, locale))).toList();
    }

    record Row(String number, String solution, String institution, String requester, String route, String status,
               String phase, String dueDate, boolean overdue, String assignee, String openedAt) {
    }

    List<Row> rows(List<CaseView> cases, Locale locale) {
        return cases.stream().map(c -> new Row(c.number(), c.solution().name(), c.requester().institution(),
                c.requester().name(), label("route", c.route(), locale), label("status", c.status(), locale),
                c.phase() == null ? message("cases.phase.none", locale) : label("phase", c.phase(), locale),
                c.dueDate() == null ? message("cases.due.none", locale) : day(c.dueDate(), locale), c.overdue(),
                c.assignee(), when(c.openedAt(), locale))).toList();
    }

    record Paging(int page, int pages, long total, String previous, String next) {
    }

    Paging paging(CaseService.Page result, Map<String, String> filters) {
        int pages = (int) Math.max(1, (result.total() + result.size() - 1) / result.size());
        return new Paging(result.page() + 1, pages, result.total(),
                result.page() > 0 ? link(filters, result.page() - 1) : null,
                result.page() + 1 < pages ? link(filters, result.page() + 1) : null);
    }

    private static String link(Map<String, String> filters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cases");
        filters.forEach((name, value) -> {
            if (!name.equals("page")) {
                uri.queryParam(name, value);
            }
        });
        uri.queryParam("page", page);
        return uri.encode().build().toUriString();
    }

    // --- one case ---

    record Decision(String route, String securityReview, String riskTier, boolean dpiaRequired, String days,
                    String rulesetVersion, List<Line> explanation, List<String> warnings) {
    }

    /** A line of the explanation: its text, the rule, where it is, and the link to its table row (or null). */
    record Line(String text, String rule, String source, String link) {
    }

    record ItemRow(String code, String title, String responsible, boolean mandatory, String state, String stateCode,
                   String note, String updatedBy, String updatedAt, String rule, List<Choice> actions,
                   boolean returnable) {
    }

    record Phase(String code, String label, List<ItemRow> items) {
    }

    record CommentRow(String author, String at, String text, boolean internal) {
    }

    record Event(String at, String actor, String event, String summary) {
    }

    void fill(CaseService.CasePage content, Caller caller, Locale locale, Model page) {
        CaseView c = content.view();
        page.addAttribute("c", c);
        page.addAttribute("actions", content.actions());
        page.addAttribute("seesInternal", content.seesInternal());
        page.addAttribute("routeLabel", label("route", c.route(), locale));
        page.addAttribute("statusLabel", label("status", c.status(), locale));
        page.addAttribute("phaseLabel", c.phase() == null ? message("cases.phase.none", locale)
                : label("phase", c.phase(), locale));
        page.addAttribute("openedAt", when(c.openedAt(), locale));
        page.addAttribute("dueDate", c.dueDate() == null ? message("cases.due.none", locale) : day(c.dueDate(), locale));
        page.addAttribute("decision", decision(content.assessment(), caller, locale));
        page.addAttribute("phases", phases(c, content.actions(), content.seesInternal(), locale));
        page.addAttribute("comments", c.comments() == null ? List.of() : c.comments().stream()
                .map(k -> new CommentRow(k.author(), when(k.at(), locale), k.text(), k.internal())).toList());
        page.addAttribute("outcome", c.outcome() == null ? null : Map.of(
                "decision", label("status", c.outcome().decision(), locale),
                "validUntil", c.outcome().permissionValidUntil() == null ? "" : day(c.outcome().permissionValidUntil(), locale),
                "note", c.outcome().note() == null ? "" : c.outcome().note(),
                "decidedBy", c.outcome().decidedBy(),
                "decidedAt", when(c.outcome().decidedAt(), locale)));
        page.addAttribute("history", history(content, locale));
        page.addAttribute("differences", c.policyChanged() ? policyDifferences(content, locale) : List.of());
        page.addAttribute("today", LocalDate.now(Case.COPENHAGEN).toString());
    }

    Decision decision(JsonNode a, Caller caller, Locale locale) {
        String version = a.path("ruleset").path("version").asString("");
        boolean readsTables = caller.hasAnyRole(Role.POLICY_OFFICER, Role.REVIEWER, Role.ADMIN);
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : a.path("explanation")) {
            String source = line.path("source").asString("");
            Matcher row = TABLE_ROW.matcher(source);
            String link = null;
            if (readsTables && row.matches() && !version.isEmpty()) {
                String table = row.group(1);
                String sheet = row.group(2) == null ? table : row.group(2);
                link = UriComponentsBuilder.fromPath("/rulesets/{version}/tables/{table}")
                        .fragment(sheet + "-" + row.group(3)).buildAndExpand(version, table).encode().toUriString();
            }
            lines.add(new Line(text(line.path("text"), locale), line.path("rule").asString(""), source, link));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : a.path("warnings")) {
            warnings.add(text(warning.path("message"), locale));
        }
        JsonNode days = a.path("estimatedProcessingDays");
        return new Decision(label("route", a.path("route").asString(null), locale),
                label("review", a.path("securityReview").asString(null), locale),
                label("risk", a.path("riskTier").asString(null), locale),
                a.path("dpiaRequired").asBoolean(false),
                days.isNumber() ? message("cases.days", locale, days.asInt()) : message("cases.due.none", locale),
                version, lines, warnings);
    }

    private List<Phase> phases(CaseView c, CaseService.Actions actions, boolean office, Locale locale) {
        Map<String, List<ItemRow>> byPhase = new LinkedHashMap<>();
        Case.PHASES.forEach(phase -> byPhase.put(phase, new ArrayList<>()));
        for (CaseView.Item item : c.items()) {
            List<String> states = actions.items().getOrDefault(item.code(), List.of());
            List<Choice> choices = states.stream().filter(s -> !s.equals("RETURNED"))
                    .map(s -> new Choice(s, message("cases.item.to." + s, locale))).toList();
            byPhase.computeIfAbsent(item.phase(), k -> new ArrayList<>()).add(new ItemRow(item.code(),
                    text(item.title(), locale), responsible(item.responsible(), office, locale), item.mandatory(),
                    label("state", item.state(), locale), item.state(), item.note(), item.updatedBy(),
                    when(item.updatedAt(), locale), item.rule(), choices, states.contains("RETURNED")));
        }
        List<Phase> phases = new ArrayList<>();
        byPhase.forEach((phase, items) -> {
            if (!items.isEmpty()) {
                phases.add(new Phase(phase, label("phase", phase, locale), items));
            }
        });
        return phases;
    }

    private List<Event> history(CaseService.CasePage content, Locale locale) {
        Map<String, String> titles = titles(content, locale);
        return content.history().stream().map(e -> new Event(when(e.at(), locale), e.actor(),
                message("cases.event." + e.event(), locale), summary(e, titles, locale))).toList();
    }

    private Map<String, String> titles(CaseService.CasePage content, Locale locale) {
        Map<String, String> titles = new LinkedHashMap<>();
        content.askedNow().forEach((code, title) -> titles.put(code, text(title, locale)));
        content.view().items().forEach(i -> titles.put(i.code(), text(i.title(), locale)));
        return titles;
    }

    private String summary(CaseService.HistoryEntry e, Map<String, String> titles, Locale locale) {
        JsonNode d = e.details();
        List<String> parts = new ArrayList<>();
        switch (e.event()) {
            case "OPENED" -> parts.add(message("cases.history.opened", locale, label("route", d.path("route").asString(""),
                    locale), d.path("items").asInt()));
            case "STATUS_CHANGED" -> parts.add(label("status", d.path("from").asString(""), locale) + " → "
                    + label("status", d.path("to").asString(""), locale));
            case "ASSIGNED" -> parts.add(d.path("to").isNull() ? message("cases.history.unassigned", locale)
                    : message("cases.history.assigned", locale, d.path("to").asString("")));
            case "COMMENTED" -> parts.add(d.path("internal").asBoolean(false)
                    ? message("cases.comment.internal", locale) : message("cases.comment.public", locale));
            case "REGISTRY_UPDATED" -> parts.add(message("cases.registry." + d.path("change").asString(""), locale));
            case "POLICY_CHANGED", "POLICY_UNCHANGED", "REASSESSED" -> {
                for (JsonNode difference : d.path("differences")) {
                    parts.add(difference(difference.asString(""), titles, locale));
                }
            }
            default -> {
                if (d.has("item")) {
                    String code = d.path("item").asString("");
                    parts.add(titles.getOrDefault(code, code) + ": " + label("state", d.path("from").asString(""), locale)
                            + " → " + label("state", d.path("to").asString(""), locale));
                }
                if (d.has("permissionValidUntil")) {
                    parts.add(message("cases.history.valid-until", locale,
                            day(LocalDate.parse(d.path("permissionValidUntil").asString()), locale)));
                }
            }
        }
        if (d.hasNonNull("note")) {
            parts.add("“" + d.path("note").asString() + "”");
        }
        return String.join(" · ", parts);
    }

    /** The differences of the newest POLICY_CHANGED entry: what reassessing would change. */
    private List<String> policyDifferences(CaseService.CasePage content, Locale locale) {
        Map<String, String> titles = titles(content, locale);
        for (int i = content.history().size() - 1; i >= 0; i--) {
            CaseService.HistoryEntry e = content.history().get(i);
            if (e.event().equals("POLICY_CHANGED")) {
                List<String> differences = new ArrayList<>();
                e.details().path("differences").forEach(d -> differences.add(difference(d.asString(""), titles, locale)));
                return differences;
            }
        }
        return List.of();
    }

    /** One difference as Case#differences words it, in the page's language. */
    String difference(String difference, Map<String, String> titles, Locale locale) {
        Matcher m;
        if ((m = ROUTE.matcher(difference)).matches()) {
            return message("cases.diff.route", locale, label("route", m.group(1), locale), label("route", m.group(2), locale));
        }
        if ((m = REVIEW.matcher(difference)).matches()) {
            return message("cases.diff.review", locale, label("review", m.group(1), locale),
                    label("review", m.group(2), locale));
        }
        if ((m = ADDED.matcher(difference)).matches()) {
            return message("cases.diff.added", locale, titles.getOrDefault(m.group(1), m.group(1)));
        }
        if ((m = DROPPED.matcher(difference)).matches()) {
            return message("cases.diff.dropped", locale, titles.getOrDefault(m.group(1), m.group(1)));
        }
        if ((m = ASKED.matcher(difference)).matches()) {
            return message("cases.diff.asked", locale, titles.getOrDefault(m.group(1), m.group(1)),
                    asked(m.group(2), m.group(3), m.group(4), locale), asked(m.group(5), m.group(6), m.group(7), locale));
        }
        return difference;
    }

    private String asked(String responsible, String phase, String mandatory, Locale locale) {
        return responsible(responsible, true, locale) + ", " + label("phase", phase, locale) + ", "
                + message("cases.item." + mandatory, locale);
    }

    private static List<String> codes(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
