package dk.kk.itassessment.assessment;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake form ({@code /intake}): the request as a guided form whose fields are named by the request's JSON
 * paths and filled in from query parameters of the same names, a live preview beside it (htmx posts the form to
 * {@code /intake/preview} as the person types; the same preview as {@code POST /api/v1/assessments/preview}), and
 * submitting, which stores the assessment exactly as {@code POST /api/v1/assessments} does (opening its case) and
 * shows the case. Errors are the request's own checks', shown beside their fields. Without JavaScript the form
 * works the same, with "update the assessment" in place of the live preview. The hidden {@code idempotencyKey}
 * makes a form sent twice (a double click, a reload) one assessment.
 */
@PageController
@RequestMapping("/intake")
class IntakePages {

    private static final String FORM = "intake/form";
    private static final String KEY = "idempotencyKey";

    private final AssessmentService assessments;
    private final MessageSource messages;
    private final JsonMapper json;

    IntakePages(AssessmentService assessments, MessageSource messages, JsonMapper json) {
        this.assessments = assessments;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String form(HttpServletRequest request, Model model, Locale locale) {
        IntakeForm form = IntakeForm.of(request.getParameterMap());
        return show(form, Map.of(), form.values().isEmpty() ? null : preview(form, locale), model);
    }

    /** The live preview: the fragment that replaces the preview beside the form. */
    @PostMapping("/preview")
    String preview(HttpServletRequest request, Model model, Locale locale) {
        model.addAttribute("preview", preview(IntakeForm.of(request.getParameterMap()), locale));
        return FORM + " :: preview";
    }

    @PostMapping
    String submit(HttpServletRequest request, @RequestParam(name = KEY, required = false) String key,
                  @RequestParam(name = "action", required = false) String action, Authentication authentication,
                  Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        IntakeForm form = IntakeForm.of(request.getParameterMap());
        if ("preview".equals(action)) {
            return show(form, Map.of(), preview(form, locale), model, key);
        }
        try {
            AssessmentService.Outcome outcome = assessments.assess(form.request(), validKey(key),
                    Caller.of(authentication));
            String number = json.readTree(outcome.answer()).path("caseNumber").asString();
            redirect.addFlashAttribute("notice", "intake.sent");
            return "redirect:/cases/" + number;
        } catch (InvalidRequest e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(form, IntakeErrors.of(e.errors(), messages, locale), preview(form, locale), model, key);
        } catch (Conflict e) { // sent before with other answers: a new form of its own
            model.addAttribute("alreadySent", true);
            return show(form, Map.of(), preview(form, locale), model, null);
        }
    }

    private IntakePreview preview(IntakeForm form, Locale locale) {
        try {
            return IntakePreview.of(assessments.preview(form.preview()), locale);
        } catch (InvalidRequest e) {
            return IntakePreview.incomplete(IntakeErrors.missing(e.errors()));
        }
    }

    private String show(IntakeForm form, Map<String, String> errors, IntakePreview preview, Model model) {
        return show(form, errors, preview, model, null);
    }

    private String show(IntakeForm form, Map<String, String> errors, IntakePreview preview, Model model, String key) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute(KEY, validKey(key) != null ? key : UUID.randomUUID().toString());
        model.addAttribute("choices", IntakeChoices.ALL);
        return FORM;
    }

    /** The form's own key (a UUID), or none. */
    private static String validKey(String key) {
        if (key == null) {
            return null;
        }
        try {
            return UUID.fromString(key).toString().equals(key) ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
