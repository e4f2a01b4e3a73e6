package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.Forbidden;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.platform.PreconditionFailed;
import dk.kk.itassessment.platform.PreconditionRequired;
import dk.kk.itassessment.platform.Unprocessable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case pages (CONTRACT.md "Pages"): {@code /cases} — a requester's own cases, the reviewers' queue with the
 * API's filters — and {@code /cases/{number}}, the case to work. They call the same {@link CaseService} as the API,
 * with the same bodies (a form becomes the JSON body the API reads, so its validation is the API's), and show only
 * what the service says the caller may do. A change is POST-redirect-GET with a flash message; a stale version
 * (412), a refusal (409) or a field error (400) shows the page again with the message and the form as it was sent.
 */
@PageController
@RequestMapping("/cases")
class CasePages {

    /** The query parameters the queue passes to the service (the API's filters and paging). */
    private static final Set<String> FILTERS = Set.of("status", "phase", "responsible", "assignee", "institution",
            "overdue", "page", "size");

    private final CaseService service;
    private final CaseFile caseFile;
    private final CasePageModel model;
    private final JsonMapper json;
    private final ObjectProvider<CaseSubscriptions> subscriptions;

    CasePages(CaseService service, CaseFile caseFile, CasePageModel model, JsonMapper json,
              ObjectProvider<CaseSubscriptions> subscriptions) {
        this.service = service;
        this.caseFile = caseFile;
        this.model = model;
        this.json = json;
        this.subscriptions = subscriptions;
    }

    // --- reading ---

    @GetMapping
    String list(@RequestParam Map<String, String> query, Authentication authentication, Locale locale,
                Model page, HttpServletResponse response) {
        Caller caller = Caller.of(authentication);
        Map<String, String> filters = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (FILTERS.contains(name) && value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        });
        CaseService.Page result;
        try {
            result = service.list(filters, caller);
        } catch (InvalidRequest e) {
            response.setStatus(400);
            page.addAttribute("errors", model.fieldErrors(e, locale));
            result = new CaseService.Page(List.of(), 0, 20, 0);
        }
        page.addAttribute("queue", CaseService.readsEveryCase(caller));
        page.addAttribute("filters", filters);
        page.addAttribute("choices", model.filterChoices(locale));
        page.addAttribute("rows", model.rows(result.items(), locale));
        page.addAttribute("paging", model.paging(result, filters));
        return "cases/list";
    }

    @GetMapping("/{number}")
    String show(@PathVariable String number, Authentication authentication, Locale locale, Model page) {
        return render(number, Caller.of(authentication), locale, page, Map.of());
    }

    /**
     * The case file, from the browser session: the API's chain takes Basic or a bearer token only, so the page chain
     * serves the same document (the same service call, the same rules of reading).
     */
    @GetMapping(path = "/{number}/case-file.pdf")
    ResponseEntity<byte[]> caseFile(@PathVariable String number, Authentication authentication) {
        byte[] pdf = caseFile.render(service.caseFile(number, Caller.of(authentication)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
                .body(pdf);
    }

    // --- working the case ---

    @PostMapping("/{number}/items/{code}")
    String item(@PathVariable String number, @PathVariable String code, @RequestParam Map<String, String> form,
                Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.works(Caller.of(authentication)));
        ObjectNode body = json.createObjectNode();
        body.put("state", form.getOrDefault("state", ""));
        text(body, "note", form.get("note"));
        return changed(number, "item-" + code, form, caller, locale, page, flash, response,
                "cases.flash.item", () -> service.changeItem(number, code, bytes(body), ifMatch(form), caller));
    }

    @PostMapping("/{number}/comments")
    String comment(@PathVariable String number, @RequestParam Map<String, String> form,
                   Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                   HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.reviews(Caller.of(authentication)));
        ObjectNode body = json.createObjectNode();
        body.put("text", form.getOrDefault("text", ""));
        body.put("internal", "true".equals(form.get("internal")));
        return changed(number, "comment", form, caller, locale, page, flash, response, "cases.flash.comment",
                () -> service.comment(number, bytes(body), ifMatch(form), caller));
    }

    @PostMapping("/{number}/assignee")
    String assignee(@PathVariable String number, @RequestParam Map<String, String> form,
                    Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                    HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.reviews(Caller.of(authentication)));
        ObjectNode body = json.createObjectNode();
        String username = "me".equals(form.get("take")) ? caller.username() : form.get("username");
        text(body, "username", username);
        if (!body.has("username")) {
            body.putNull("username");
        }
        return changed(number, "assignee", form, caller, locale, page, flash, response, "cases.flash.assignee",
                () -> service.assign(number, bytes(body), ifMatch(form), caller));
    }

    @PostMapping("/{number}/decision")
    String decision(@PathVariable String number, @RequestParam Map<String, String> form,
                    Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                    HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.reviews(Caller.of(authentication)));
        ObjectNode body = json.createObjectNode();
        body.put("decision", form.getOrDefault("decision", ""));
        text(body, "permissionValidUntil", form.get("permissionValidUntil"));
        text(body, "note", form.get("note"));
        return changed(number, "decision", form, caller, locale, page, flash, response, "cases.flash.decision",
                () -> service.decide(number, bytes(body), ifMatch(form), caller));
    }

    @PostMapping("/{number}/withdraw")
    String withdraw(@PathVariable String number, @RequestParam Map<String, String> form,
                    Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                    HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.works(Caller.of(authentication)));
        ObjectNode body = json.createObjectNode();
        text(body, "note", form.get("note"));
        return changed(number, "withdraw", form, caller, locale, page, flash, response, "cases.flash.withdraw",
                () -> service.withdraw(number, bytes(body), ifMatch(form), caller));
    }

    @PostMapping("/{number}/reassess")
    String reassess(@PathVariable String number, @RequestParam Map<String, String> form,
                    Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                    HttpServletResponse response) {
        Caller caller = guarded(authentication, CaseService.reviews(Caller.of(authentication)));
        return changed(number, "reassess", form, caller, locale, page, flash, response, "cases.flash.reassess",
                () -> service.reassess(number, ifMatch(form), caller));
    }

    /** Subscribes ({@code action=subscribe}) or unsubscribes the caller: anyone who may read the case. */
    @PostMapping("/{number}/subscription")
    String subscription(@PathVariable String number, @RequestParam Map<String, String> form,
                        Authentication authentication, Locale locale, Model page, RedirectAttributes flash,
                        HttpServletResponse response) {
        Caller caller = Caller.of(authentication);
        CaseSubscriptions subscribing = subscriptions.getIfAvailable();
        if (subscribing == null) {
            throw new NotFound("Subscriptions are not offered here.");
        }
        boolean subscribe = "subscribe".equals(form.get("action"));
        try {
            if (subscribe) {
                subscribing.subscribe(number, caller);
            } else {
                subscribing.unsubscribe(number, caller);
            }
        } catch (Unprocessable e) {
            response.setStatus(422);
            page.addAttribute("problem", model.message("cases.error.no-email", locale));
            return render(number, caller, locale, page, Map.of("form", "subscription"));
        }
        flash.addFlashAttribute("flash", model.message(subscribe ? "cases.flash.subscribed" : "cases.flash.unsubscribed",
                locale));
        return "redirect:/cases/" + number;
    }

    // --- the shape of every change ---

    /**
     * Makes the change and redirects to the case with a flash message; or shows the case again — as it is now,
     * with the message, and the form {@code formId} filled in as it was sent, so that nothing typed is lost.
     */
    private String changed(String number, String formId, Map<String, String> form, Caller caller, Locale locale,
                           Model page, RedirectAttributes flash, HttpServletResponse response, String message,
                           Supplier<CaseView> change) {
        Map<String, String> draft = new LinkedHashMap<>(form);
        draft.remove("_csrf");
        draft.put("form", formId);
        try {
            change.get();
        } catch (PreconditionFailed | PreconditionRequired e) {
            response.setStatus(412);
            page.addAttribute("problem", model.message("cases.error.stale", locale));
            return render(number, caller, locale, page, draft);
        } catch (Conflict e) {
            response.setStatus(409);
            page.addAttribute("problem", model.conflict(service.get(number, caller), formId, locale));
            return render(number, caller, locale, page, draft);
        } catch (InvalidRequest e) {
            response.setStatus(400);
            page.addAttribute("errors", model.fieldErrors(e, locale));
            return render(number, caller, locale, page, draft);
        }
        flash.addFlashAttribute("flash", model.message(message, locale));
        return "redirect:/cases/" + number;
    }

    private String render(String number, Caller caller, Locale locale, Model page, Map<String, String> draft) {
        model.fill(service.page(number, caller), caller, locale, page);
        if (!draft.isEmpty()) { // shown in answer to a POST: the other language is the case's own page
            String other = "en".equals(locale.getLanguage()) ? "da" : "en";
            page.addAttribute("languageSwitch", Map.of("language", other, "href",
                    "/cases/" + number + "?lang=" + other));
        }
        page.addAttribute("draft", draft);
        CaseSubscriptions subscribing = subscriptions.getIfAvailable();
        page.addAttribute("subscribed", subscribing == null ? null : subscribing.isSubscribed(number, caller));
        return "cases/case";
    }

    /** The role rules of the API's chain for the operation; the case's own rules are the service's. */
    private static Caller guarded(Authentication authentication, boolean allowed) {
        if (!allowed) {
            throw new Forbidden("Your role does not work cases this way.");
        }
        return Caller.of(authentication);
    }

    private static String ifMatch(Map<String, String> form) {
        String version = form.get("version");
        return version == null || !version.matches("\\d{1,18}") ? null : "\"" + version + "\"";
    }

    private static void text(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    private byte[] bytes(ObjectNode body) {
        return json.writeValueAsBytes(body);
    }
}
