package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.RuleFirings;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.Forbidden;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.platform.Unprocessable;
import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.RuleFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy officers' pages (CONTRACT.md, "Pages"): the versions and the upload of a draft, a version's report with
 * what the caller may do to it, a table with its findings (and, for the active version, how often each row fired in
 * the last 30 days), and the differences between two versions. The same services as {@link RuleSetController}: a
 * reviewer or an admin reads, only a policy officer acts (the buttons shown are those the caller may use; a form
 * posted anyway by someone else is refused).
 */
@PageController
class RuleSetPages {

    static final Duration FIRED_WINDOW = Duration.ofDays(30);
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private final RuleSetCatalog catalog;
    private final RuleSetDrafts drafts;
    private final Approvals approvals;
    private final Activations activations;
    private final RuleFirings firings;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean fourEyes;

    RuleSetPages(RuleSetCatalog catalog, RuleSetDrafts drafts, Approvals approvals, Activations activations,
                 RuleFirings firings, MessageSource messages, Clock clock,
                 @Value("${assessment.rulesets.four-eyes:true}") boolean fourEyes) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.approvals = approvals;
        this.activations = activations;
        this.firings = firings;
        this.messages = messages;
        this.clock = clock;
        this.fourEyes = fourEyes;
    }

    /** The times on the pages are the municipality's. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return ZONE;
    }

    @GetMapping("/rulesets")
    String versions(@RequestParam(required = false) String page, @RequestParam(required = false) String withdrawn,
                    Authentication authentication, Model model) {
        Paging paging = Paging.of(page, null, (field, message) -> { }); // a bad page number shows the first page
        boolean all = "true".equals(withdrawn);
        long total = catalog.count(all);
        model.addAttribute("versions", catalog.list(paging.size(), paging.offset(), all));
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (total + paging.size() - 1) / paging.size()));
        model.addAttribute("withdrawn", all);
        model.addAttribute("officer", officer(authentication));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("findings")) {
            model.addAttribute("findings", List.of());
        }
        return "rulesets/versions";
    }

    /** The upload form: a draft from the base (default the active version) with the tables and scenarios sent. */
    @PostMapping("/rulesets")
    String upload(@RequestParam(required = false) String base, @RequestParam(required = false) String comment,
                  @RequestParam(name = "table", required = false) List<MultipartFile> tables,
                  @RequestParam(name = "scenario", required = false) List<MultipartFile> scenarios,
                  Authentication authentication, Locale locale, Model model, RedirectAttributes redirect) {
        Caller caller = acting(authentication);
        try {
            RuleSetVersion draft = drafts.createDraft(base, comment, uploads(tables), uploads(scenarios), caller);
            redirect.addFlashAttribute("done", "uploaded");
            return "redirect:/rulesets/" + draft.id();
        } catch (InvalidRequest e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (Problems.FieldError error : e.errors()) {
                errors.computeIfAbsent(error.field(), f -> new ArrayList<>())
                        .add(messages.getMessage(UploadErrors.of(error), locale));
            }
            model.addAttribute("errors", errors);
        } catch (Unprocessable e) {
            model.addAttribute("findings", e.errors().stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                    .map(f -> new ReportView.Note(f.table() + (f.cell() == null ? "" : ", " + f.cell()), null,
                            "en".equals(locale.getLanguage()) ? f.message().en() : f.message().da())).toList());
        } catch (Conflict e) {
            model.addAttribute("conflict", e.text(messages, locale));
        }
        model.addAttribute("comment", comment);
        return versions(null, null, authentication, model);
    }

    @GetMapping("/rulesets/{id}")
    String report(@PathVariable String id, Authentication authentication, Locale locale, Model model) {
        RuleSetVersion version = catalog.find(id);
        Caller caller = Caller.of(authentication);
        model.addAttribute("version", version);
        model.addAttribute("report", ReportView.of(version, locale));
        model.addAttribute("may", Actions.of(version, caller, fourEyes));
        model.addAttribute("fourEyes", fourEyes);
        model.addAttribute("active", catalog.activeId().orElse(null));
        return "rulesets/report";
    }

    @PostMapping("/rulesets/{id}/approvals")
    String approve(@PathVariable String id, Authentication authentication, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, locale, redirect, "approved", () -> approvals.approve(id, acting(authentication)));
    }

    @PostMapping("/rulesets/{id}/activate")
    String activate(@PathVariable String id, Authentication authentication, Locale locale,
                    RedirectAttributes redirect) {
        return act(id, locale, redirect, "activated", () -> activations.activate(id, acting(authentication)));
    }

    @PostMapping("/rulesets/{id}/withdraw")
    String withdraw(@PathVariable String id, Authentication authentication, Locale locale,
                    RedirectAttributes redirect) {
        return act(id, locale, redirect, "withdrawn", () -> drafts.withdraw(id, acting(authentication)));
    }

    @PostMapping("/rulesets/{id}/accepted-outcomes")
    String acceptOutcomes(@PathVariable String id, Authentication authentication, Locale locale,
                          RedirectAttributes redirect) {
        Caller caller = acting(authentication);
        try {
            RuleSetVersion accepted = drafts.acceptOutcomes(id, null, caller);
            redirect.addFlashAttribute("done", "accepted");
            return "redirect:/rulesets/" + accepted.id();
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.text(messages, locale));
            return "redirect:/rulesets/" + catalog.find(id).id();
        }
    }

    @GetMapping("/rulesets/{id}/tables/{table}")
    String table(@PathVariable String id, @PathVariable String table, Locale locale, Model model) {
        RuleSetVersion version = catalog.find(id);
        RuleFiles files = catalog.files(id);
        String path = Tables.path(files, table).orElseThrow(() -> new NotFound("Version " + id + " has no table "
                + VersionIds.shorten(table) + "."));
        Map<String, Long> fired = version.status() == RuleSetVersion.Status.ACTIVE
                ? firings.bySource(version.id(), Instant.now(clock).minus(FIRED_WINDOW)) : null;
        model.addAttribute("version", version);
        model.addAttribute("view", TableView.of(table, path, files.files().get(path), version.report(), fired, locale));
        return "rulesets/table";
    }

    /** The differences of version {@code id} from {@code against} (default: its base). */
    @GetMapping("/rulesets/{id}/diff")
    String diff(@PathVariable String id, @RequestParam(required = false) String against, Model model) {
        RuleSetVersion version = catalog.find(id);
        String other = against == null || against.isBlank() ? version.base() : against.strip();
        if (other == null) {
            throw new NotFound("Version " + id + " has no base to compare with.");
        }
        RuleSetVersion compared = catalog.find(other);
        model.addAttribute("version", version);
        model.addAttribute("against", compared);
        VersionDiff diff = VersionDiff.of(catalog.files(compared.id()), catalog.files(version.id()));
        model.addAttribute("diff", diff);
        model.addAttribute("identical", diff.identical());
        return "rulesets/diff";
    }

    /**
     * What the caller may do to a version, as the report page shows it: only a policy officer acts; approving needs
     * a valid draft that another officer uploaded; activating a valid draft approved (where four eyes are on) or an
     * earlier version (a roll-back).
     */
    record Actions(boolean officer, boolean approve, boolean ownDraft, boolean activate, boolean rollBack,
                   boolean withdraw, boolean accept) {

        static Actions of(RuleSetVersion v, Caller caller, boolean fourEyes) {
            boolean officer = caller.hasAnyRole(Role.POLICY_OFFICER);
            boolean draft = v.status() == RuleSetVersion.Status.DRAFT;
            boolean own = v.createdBy().equals(caller.username());
            boolean approvable = draft && v.valid() && v.approvedBy() == null;
            var scenarios = v.report().path("scenarios");
            boolean acceptable = draft && scenarios.path("failed").asInt() > 0
                    && scenarios.path("failures").valueStream().allMatch(f -> f.path("errors").isEmpty());
            return new Actions(officer, officer && approvable && !own, own && approvable,
                    officer && draft && v.valid() && (!fourEyes || v.approvedBy() != null),
                    officer && v.status() == RuleSetVersion.Status.RETIRED && v.valid(),
                    officer && draft, officer && acceptable);
        }
    }

    private String act(String id, Locale locale, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.text(messages, locale));
        }
        return "redirect:/rulesets/" + catalog.find(id).id();
    }

    /** The caller, who must be a policy officer to act (the page security lets only them post; this says it twice). */
    private static Caller acting(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.hasAnyRole(Role.POLICY_OFFICER)) {
            throw new Forbidden("Only a policy officer changes the policy.");
        }
        return caller;
    }

    private static boolean officer(Authentication authentication) {
        return Caller.of(authentication).hasAnyRole(Role.POLICY_OFFICER);
    }

    /** The files sent, without the file fields left empty in the form. */
    private static List<RuleSetDrafts.Upload> uploads(List<MultipartFile> parts) {
        return RuleSetController.uploads(parts == null ? null : parts.stream()
                .filter(p -> !p.isEmpty() || p.getOriginalFilename() != null && !p.getOriginalFilename().isEmpty()).toList());
    }
}
