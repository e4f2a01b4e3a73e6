package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.FieldSentences;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /admin} (ADMIN, PageSecurity): the accounts (create one, change its roles, disable it, lift its locks) and
 * the API keys (create one, shown this once, revoke one), through {@link AccountService} and {@link ApiKeyService} as
 * {@code /api/v1/users} and {@code /api/v1/api-keys} do: the same checks (a form's fields are read as the API's JSON
 * body, so a refused field is the API's field error, next to its field), the same last-ADMIN rule, the same audit
 * entries. The audit trail is audit/AuditPages ({@code /admin/audit}).
 */
@PageController
class AdminPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private final AccountService accounts;
    private final ApiKeyService keys;
    private final JsonMapper json;
    private final MessageSource messages;

    /**
     * Why a field was refused: the page's own message ({@code key}), or the API's reason in the page's language
     * ({@code text}; {@code english} when no sentence of the page's says it, FieldSentences).
     */
    record Problem(String key, String text, boolean english) {
    }

    AdminPages(AccountService accounts, ApiKeyService keys, JsonMapper json, MessageSource messages) {
        this.accounts = accounts;
        this.keys = keys;
        this.json = json;
        this.messages = messages;
    }

    /** Times as a person in Copenhagen reads them. */
    @ModelAttribute("time")
    DateTimeFormatter time() {
        return TIME;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        return overview(model, Map.of("username", "", "email", ""), List.of(), Map.of(), "", List.of(), Map.of());
    }

    @PostMapping("/admin/accounts")
    String createAccount(@RequestParam Map<String, String> fields,
                         @RequestParam(name = "roles", required = false) List<String> roles, Model model,
                         RedirectAttributes redirect) {
        String username = bounded(fields.get("username"));
        String email = bounded(fields.get("email"));
        ObjectNode body = json.createObjectNode();
        body.put("username", username.strip());
        body.put("email", email.strip());
        body.put("password", bounded(fields.get("password")));
        roles(body.putArray("roles"), roles);
        try {
            Account created = accounts.create(AccountFields.newAccount(body));
            redirect.addFlashAttribute("done", "admin.accounts.created");
            redirect.addFlashAttribute("doneName", created.username());
            return "redirect:/admin";
        } catch (InvalidRequest refused) {
            return overview(model, Map.of("username", username, "email", email), checked(roles),
                    fieldErrors(refused), "", List.of(), Map.of());
        } catch (Conflict taken) {
            return overview(model, Map.of("username", username, "email", email), checked(roles),
                    Map.of("username", new Problem("admin.accounts.taken", null, false)), "", List.of(), Map.of());
        }
    }

    @GetMapping("/admin/accounts/{username}")
    String account(@PathVariable String username, Model model) {
        return accountPage(model, find(username), null);
    }

    @PostMapping("/admin/accounts/{username}/roles")
    String setRoles(@PathVariable String username, @RequestParam(name = "roles", required = false) List<String> roles,
                    Model model, RedirectAttributes redirect) {
        Account account = find(username);
        ArrayNode body = json.createArrayNode();
        roles(body, roles);
        try {
            accounts.setRoles(account.username(), AccountFields.roles(body));
        } catch (InvalidRequest refused) {
            return accountPage(model, account, "admin.account.rolesNeeded");
        } catch (Conflict lastAdmin) {
            return accountPage(model, account, "admin.account.lastAdmin");
        }
        return done(redirect, "admin.account.rolesChanged", account.username());
    }

    @PostMapping("/admin/accounts/{username}/disable")
    String disable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        Account account = find(username);
        try {
            accounts.disable(account.username());
        } catch (Conflict lastAdmin) {
            return accountPage(model, account, "admin.account.lastAdmin");
        }
        return done(redirect, "admin.account.disabled", account.username());
    }

    @PostMapping("/admin/accounts/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        Account account = find(username);
        accounts.unlock(account.username());
        return done(redirect, "admin.account.unlocked", account.username());
    }

    /** The new key is shown in this answer only (not kept in the session, not in a redirect): this once. */
    @PostMapping("/admin/api-keys")
    String createKey(@RequestParam Map<String, String> fields,
                     @RequestParam(name = "roles", required = false) List<String> roles, Model model) {
        String name = bounded(fields.get("name"));
        ObjectNode body = json.createObjectNode();
        body.put("name", name.strip());
        roles(body.putArray("roles"), roles);
        try {
            ApiKeyService.Created created = keys.create(ApiKeyFields.newKey(body));
            model.addAttribute("key", created.key());
            model.addAttribute("keyName", name.strip());
            return "admin/key-created";
        } catch (InvalidRequest refused) {
            return overview(model, Map.of("username", "", "email", ""), List.of(), Map.of(), name, checked(roles),
                    fieldErrors(refused));
        }
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("done", "admin.keys.revokedDone");
        return "redirect:/admin#api-keys";
    }

    private String overview(Model model, Map<String, String> accountForm, List<String> accountRoles,
                            Map<String, Problem> accountErrors, String keyName, List<String> keyRoles,
                            Map<String, Problem> keyErrors) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("keys", keys.all());
        model.addAttribute("roles", Role.NAMES);
        model.addAttribute("accountForm", accountForm);
        model.addAttribute("accountRoles", accountRoles);
        model.addAttribute("accountErrors", accountErrors);
        model.addAttribute("keyName", keyName);
        model.addAttribute("keyRoles", keyRoles);
        model.addAttribute("keyErrors", keyErrors);
        return "admin/overview";
    }

    private String accountPage(Model model, Account account, String problem) {
        model.addAttribute("account", account);
        model.addAttribute("accountRoles", account.roles().stream().map(Role::name).toList());
        model.addAttribute("roles", Role.NAMES);
        model.addAttribute("problem", problem);
        return "admin/account";
    }

    private static String done(RedirectAttributes redirect, String message, String username) {
        redirect.addFlashAttribute("done", message);
        redirect.addFlashAttribute("doneName", username);
        return "redirect:/admin/accounts/" + username;
    }

    private Account find(String username) {
        return accounts.all().stream().filter(account -> account.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFound("No such account."));
    }

    /** The checked roles, only names of roles (anything else is dropped here and refused by the API's check). */
    private static List<String> checked(List<String> roles) {
        return roles == null ? List.of() : roles.stream().filter(Role.NAMES::contains).distinct().toList();
    }

    private static void roles(ArrayNode array, List<String> roles) {
        if (roles != null) {
            roles.stream().limit(Role.NAMES.size() + 1L).map(AdminPages::bounded).forEach(array::add);
        }
    }

    /** A form field as text, cut at a length no field accepts (the API's check then names it). */
    private static String bounded(String value) {
        return value == null ? "" : value.length() > 1000 ? value.substring(0, 1000) : value;
    }

    /**
     * The API's field errors by field ({@code roles[1]} under {@code roles}), the first of each, with the API's
     * reason in the page's language.
     */
    private Map<String, Problem> fieldErrors(InvalidRequest refused) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        for (FieldError error : refused.errors()) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
            FieldSentences.Sentence said = FieldSentences.of(error.message(), messages,
                    LocaleContextHolder.getLocale());
            errors.putIfAbsent(field, new Problem(null, said.text(), said.english()));
        }
        return errors;
    }

}
