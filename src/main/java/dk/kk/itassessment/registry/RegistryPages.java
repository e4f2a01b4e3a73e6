package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.FieldSentences;
import dk.kk.itassessment.platform.Forbidden;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.PageController;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /registry}: administrative staff and up search the portfolio and the suppliers (what
 * {@code GET /api/v1/portfolio?q=} and {@code /api/v1/suppliers} answer them); ADMINs also edit an entry or a
 * supplier and upload the supplier CSV (what {@code PUT …/{id}} and {@code POST /api/v1/suppliers/import} do, through
 * the same classes: the same checks, the same audit entries). A form's fields are read as the API's JSON body, so
 * that a refused field is the API's field error, shown next to its field; a refused CSV shows each bad line.
 */
@PageController
class RegistryPages {

    /** How many of each the search shows (the rest: narrow the search). */
    static final int SHOWN = 50;
    private static final Pattern LINE = Pattern.compile("line (\\d+)(?:: (.+))?");

    private final PortfolioEntries portfolio;
    private final Suppliers suppliers;
    private final RegistryChanges changes;
    private final SupplierImport supplierImport;
    private final JsonMapper json;
    private final MessageSource messages;
    private final long maxCsvBytes;

    RegistryPages(PortfolioEntries portfolio, Suppliers suppliers, RegistryChanges changes,
                  SupplierImport supplierImport, JsonMapper json, MessageSource messages,
                  @Value("${assessment.max-body-bytes:65536}") long maxCsvBytes) {
        this.portfolio = portfolio;
        this.suppliers = suppliers;
        this.changes = changes;
        this.supplierImport = supplierImport;
        this.json = json;
        this.messages = messages;
        this.maxCsvBytes = maxCsvBytes;
    }

    /**
     * A bad line of an uploaded CSV: its number (0 for the file as a whole), the field (or null) and the API's reason,
     * or the key of the page's own message for what the page checks itself.
     */
    record LineError(int line, String field, FieldSentences.Sentence message, String key) {
    }

    @GetMapping("/registry")
    String search(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200 || query.indexOf('\u0000') >= 0) {
            query = query.replace("\u0000", "");
            query = query.substring(0, Math.min(200, query.length()));
        }
        model.addAttribute("q", query);
        model.addAttribute("portfolio", portfolio.search(null, query.isEmpty() ? null : query, 0, SHOWN));
        model.addAttribute("suppliers", suppliers.search(query.isEmpty() ? null : query, 0, SHOWN));
        model.addAttribute("shown", SHOWN);
        if (!model.containsAttribute("importErrors")) {
            model.addAttribute("importErrors", List.of());
        }
        return "registry/search";
    }

    @PostMapping("/registry/suppliers/import")
    String importSuppliers(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                           RedirectAttributes redirect) throws IOException {
        List<LineError> errors = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            errors.add(new LineError(0, null, null, "registry.import.noFile"));
        } else if (file.getSize() > maxCsvBytes) {
            errors.add(new LineError(0, null, null, "registry.import.tooLarge"));
        } else {
            try {
                SupplierImport.Imported imported = supplierImport.importCsv(Csv.decode(file.getBytes()));
                redirect.addFlashAttribute("imported", imported);
                return "redirect:/registry";
            } catch (InvalidRequest refused) {
                for (FieldError error : refused.errors()) {
                    errors.add(lineError(error));
                }
            }
        }
        model.addAttribute("importErrors", errors);
        return search(null, model);
    }

    @GetMapping("/registry/portfolio/{id}")
    String portfolioForm(@PathVariable String id, Authentication authentication, Model model) {
        requireAdmin(authentication);
        UUID uuid = Requests.id(id, "portfolio entry");
        PortfolioEntry entry = portfolio.find(uuid).orElseThrow(() -> Requests.notFound("portfolio entry", id));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", entry.name());
        form.put("aliases", String.join("\n", entry.aliases()));
        form.put("supplierName", entry.supplierName());
        form.put("supplierCvr", entry.supplierCvr() == null ? "" : entry.supplierCvr());
        form.put("category", entry.category());
        form.put("permission", entry.permission());
        form.put("permissionValidUntil", entry.permissionValidUntil() == null ? "" : entry.permissionValidUntil().toString());
        form.put("connectedInstitutions", String.join("\n", entry.connectedInstitutions()));
        return portfolioPage(model, uuid, form, Map.of());
    }

    @PostMapping("/registry/portfolio/{id}")
    String savePortfolioEntry(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                              RedirectAttributes redirect) {
        UUID uuid = Requests.id(id, "portfolio entry");
        Map<String, String> form = form(fields, PortfolioFields.PROPERTIES);
        ObjectNode body = json.createObjectNode();
        text(body, form, "name");
        lines(body, form, "aliases");
        text(body, form, "supplierName");
        text(body, form, "supplierCvr");
        text(body, form, "category");
        text(body, form, "permission");
        text(body, form, "permissionValidUntil");
        lines(body, form, "connectedInstitutions");
        try {
            PortfolioEntry saved = changes.replacePortfolioEntry(uuid, PortfolioFields.fromJson(body),
                    () -> Requests.notFound("portfolio entry", id));
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:" + searchFor(saved.name());
        } catch (InvalidRequest refused) {
            return portfolioPage(model, uuid, form, fieldErrors(refused));
        }
    }

    @GetMapping("/registry/suppliers/{id}")
    String supplierForm(@PathVariable String id, Authentication authentication, Model model) {
        requireAdmin(authentication);
        UUID uuid = Requests.id(id, "supplier");
        Supplier supplier = suppliers.find(uuid).orElseThrow(() -> Requests.notFound("supplier", id));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", supplier.name());
        form.put("cvr", supplier.cvr() == null ? "" : supplier.cvr());
        form.put("agreement", supplier.agreement());
        form.put("agreementValidUntil", supplier.agreementValidUntil() == null ? "" : supplier.agreementValidUntil().toString());
        form.put("coveredSystems", String.join("\n", supplier.coveredSystems()));
        return supplierPage(model, uuid, form, Map.of());
    }

    @PostMapping("/registry/suppliers/{id}")
    String saveSupplier(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                        RedirectAttributes redirect) {
        UUID uuid = Requests.id(id, "supplier");
        Map<String, String> form = form(fields, SupplierFields.PROPERTIES);
        ObjectNode body = json.createObjectNode();
        text(body, form, "name");
        text(body, form, "cvr");
        text(body, form, "agreement");
        text(body, form, "agreementValidUntil");
        lines(body, form, "coveredSystems");
        try {
            Supplier saved = changes.replaceSupplier(uuid, SupplierFields.fromJson(body),
                    () -> Requests.notFound("supplier", id));
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:" + searchFor(saved.name());
        } catch (InvalidRequest refused) {
            return supplierPage(model, uuid, form, fieldErrors(refused));
        }
    }

    private String portfolioPage(Model model, UUID id, Map<String, String> form,
                                 Map<String, FieldSentences.Sentence> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", PortfolioEntry.CATEGORIES);
        model.addAttribute("permissions", PortfolioEntry.PERMISSIONS);
        return "registry/portfolio-entry";
    }

    private String supplierPage(Model model, UUID id, Map<String, String> form,
                                Map<String, FieldSentences.Sentence> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("agreements", Supplier.AGREEMENTS);
        return "registry/supplier";
    }

    /** The edit forms are an ADMIN's (their POSTs are refused to anyone else by PageSecurity). */
    private static void requireAdmin(Authentication authentication) {
        if (authentication.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new Forbidden("Only an ADMIN edits the registry");
        }
    }

    private static String searchFor(String name) {
        return UriComponentsBuilder.fromPath("/registry").queryParam("q", name).encode().build().toUriString();
    }

    /** The form's fields of {@code properties}, each at most a few thousand characters (the API's checks follow). */
    private static Map<String, String> form(Map<String, String> fields, List<String> properties) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String property : properties) {
            String value = fields.getOrDefault(property, "");
            form.put(property, value.length() > 120_000 ? value.substring(0, 120_000) : value);
        }
        return form;
    }

    /** A one-line field: absent when empty, as an optional field of the API's body. */
    private static void text(ObjectNode body, Map<String, String> form, String name) {
        String value = form.get(name).strip();
        if (!value.isEmpty()) {
            body.put(name, value);
        }
    }

    /** A list, one name a line; empty lines dropped. */
    private static void lines(ObjectNode body, Map<String, String> form, String name) {
        ArrayNode names = body.putArray(name);
        form.get(name).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
    }

    /**
     * The API's field errors by field ({@code aliases[2]} under {@code aliases}), the first of each, in the page's
     * language.
     */
    private Map<String, FieldSentences.Sentence> fieldErrors(InvalidRequest refused) {
        Map<String, FieldSentences.Sentence> errors = new LinkedHashMap<>();
        for (FieldError error : refused.errors()) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
            errors.putIfAbsent(field, sentence(error));
        }
        return errors;
    }

    private LineError lineError(FieldError error) {
        Matcher line = LINE.matcher(error.field() == null ? "" : error.field());
        if (line.matches()) {
            return new LineError(Integer.parseInt(line.group(1)), line.group(2), sentence(error), null);
        }
        return new LineError(0, error.field(), sentence(error), null);
    }

    private FieldSentences.Sentence sentence(FieldError error) {
        return FieldSentences.of(error.message(), messages, LocaleContextHolder.getLocale());
    }
}
