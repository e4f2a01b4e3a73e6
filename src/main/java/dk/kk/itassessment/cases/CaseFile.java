package dk.kk.itassessment.cases;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The printable case file: the Thymeleaf template {@code templates/cases/case-file.html} (XHTML, as openhtmltopdf
 * reads it) rendered to an A4 PDF by openhtmltopdf with PDFBox, in DejaVu Sans embedded (Danish letters need a font
 * that has them; the PDF's standard fonts do not embed). The fonts are read from {@code assessment.case-file.font-dir}
 * (default the Debian/Ubuntu package fonts-dejavu-core's folder); without them the case file is refused with a
 * message that says so, and the start-up warns.
 */
@Component
class CaseFile {

    private static final Logger log = LoggerFactory.getLogger(CaseFile.class);
    static final String REGULAR = "DejaVuSans.ttf";
    static final String BOLD = "DejaVuSans-Bold.ttf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da")).withZone(ZoneId.of("Europe/Copenhagen"));
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm",
            Locale.forLanguageTag("da")).withZone(ZoneId.of("Europe/Copenhagen"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private final ITemplateEngine templates;
    private final JsonMapper json;
    private final File regular;
    private final File bold;

    CaseFile(ITemplateEngine templates, JsonMapper json,
             @Value("${assessment.case-file.font-dir:/usr/share/fonts/truetype/dejavu}") String fontDir) {
        this.templates = templates;
        this.json = json;
        this.regular = new File(fontDir, REGULAR);
        this.bold = new File(fontDir, BOLD);
        if (!regular.isFile() || !bold.isFile()) {
            log.warn("The case file's fonts {} and {} are not in {}: GET /api/v1/cases/{{number}}/case-file.pdf will "
                    + "fail until they are (install fonts-dejavu-core, or set assessment.case-file.font-dir)",
                    REGULAR, BOLD, fontDir);
        }
    }

    byte[] render(CaseService.CaseFileContent content) {
        if (!regular.isFile() || !bold.isFile()) {
            throw new IllegalStateException("The case file's font " + regular + " (or " + BOLD + ") is missing: "
                    + "install fonts-dejavu-core or set assessment.case-file.font-dir");
        }
        Context context = new Context(Locale.forLanguageTag("da"));
        context.setVariable("c", content.view());
        context.setVariable("assessment", json.readValue(content.assessment(), Map.class));
        context.setVariable("history", content.history().stream().map(e -> Map.of("at", SHORT.format(e.at()),
                "actor", e.actor(), "event", label(EVENTS, e.event()), "details", details(e.details()))).toList());
        context.setVariable("labels", LABELS);
        context.setVariable("items", content.view().items().stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", i.code());
            row.put("title", i.title().da());
            row.put("responsible", label(LABELS, i.responsible()));
            row.put("phase", label(LABELS, i.phase()));
            row.put("mandatory", i.mandatory() ? "ja" : "nej");
            row.put("state", label(LABELS, i.state()));
            row.put("note", i.note());
            row.put("who", i.updatedBy() == null ? "" : i.updatedBy() + ", " + WHEN.format(i.updatedAt()));
            row.put("rule", i.rule());
            return row;
        }).toList());
        context.setVariable("decidedAt", content.view().outcome() == null ? null
                : WHEN.format(content.view().outcome().decidedAt()));
        context.setVariable("openedAt", WHEN.format(content.view().openedAt()));
        context.setVariable("dueDate", content.view().dueDate() == null ? "ingen" : DAY.format(content.view().dueDate()));
        String html = templates.process("cases/case-file", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(regular, "DejaVu Sans");
            builder.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry's facts as a person reads them: "punkt: SUBMIT_ACQUISITION_FORM · fra: Åben · til: Udført · …". */
    private String details(String details) {
        StringBuilder text = new StringBuilder();
        json.readTree(details).properties().forEach(fact -> {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            var value = fact.getValue();
            String shown = value.isArray() ? String.join(", ", value.valueStream().map(v -> v.asString()).toList())
                    : value.isNull() ? "ingen" : value.isBoolean() ? (value.asBoolean() ? "ja" : "nej")
                    : label(LABELS, value.asString());
            text.append(label(FACTS, fact.getKey())).append(": ").append(shown);
        });
        return text.toString();
    }

    private static final Map<String, String> FACTS = Map.ofEntries(
            Map.entry("item", "punkt"), Map.entry("from", "fra"), Map.entry("to", "til"), Map.entry("items", "punkter"),
            Map.entry("route", "rute"), Map.entry("routeBefore", "rute før"), Map.entry("rulesetVersion", "regelsæt"),
            Map.entry("decision", "afgørelse"), Map.entry("permissionValidUntil", "gyldig til"),
            Map.entry("internal", "intern"), Map.entry("text", "tekst"), Map.entry("differences", "forskelle"),
            Map.entry("added", "tilføjet"), Map.entry("notApplicable", "ikke længere relevant"),
            Map.entry("change", "ændring"));

    private static String label(Map<String, String> labels, String code) {
        return labels.getOrDefault(code, code);
    }

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("OPENED", "Sagen oprettet"),
            Map.entry("ITEM_DONE", "Punkt udført"),
            Map.entry("ITEM_NOT_APPLICABLE", "Punkt ikke relevant"),
            Map.entry("ITEM_RETURNED", "Punkt sendt retur til rekvirenten"),
            Map.entry("ITEM_OPEN", "Punkt genåbnet"),
            Map.entry("STATUS_CHANGED", "Status ændret"),
            Map.entry("COMMENTED", "Kommentar"),
            Map.entry("ASSIGNED", "Sagsbehandler ændret"),
            Map.entry("GRANTED", "Ibrugtagningstilladelse givet"),
            Map.entry("REFUSED", "Afslag"),
            Map.entry("WITHDRAWN", "Sagen trukket tilbage"),
            Map.entry("REGISTRY_UPDATED", "FISKK/leverandørregister opdateret"),
            Map.entry("POLICY_CHANGED", "Regelsættet er ændret"),
            Map.entry("POLICY_UNCHANGED", "Regelsættet afgør igen som sagen"),
            Map.entry("REASSESSED", "Vurderet igen efter nyt regelsæt"));

    /** Danish labels for the codes a person reads in the case file. */
    static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("OPEN", "Åben");
        labels.put("RETURNED", "Sendt retur");
        labels.put("GRANTED", "Tilladelse givet");
        labels.put("REFUSED", "Afslået");
        labels.put("WITHDRAWN", "Trukket tilbage");
        labels.put("CLOSED", "Afsluttet");
        labels.put("DONE", "Udført");
        labels.put("NOT_APPLICABLE", "Ikke relevant");
        labels.put("NOT_AN_IT_ACQUISITION", "Ikke en it-anskaffelse");
        labels.put("NOT_PERMITTED", "Ikke tilladt");
        labels.put("USE_EXISTING_PERMISSION", "Brug eksisterende tilladelse");
        labels.put("AWAIT_PENDING_ACQUISITION", "Afvent igangværende anskaffelse");
        labels.put("DATA_AGREEMENT_REQUEST", "Anmodning om godkendelse af dataaftale");
        labels.put("FAST_TRACK_ACQUISITION", "Hurtig anskaffelse");
        labels.put("FULL_ACQUISITION", "Fuld anskaffelse");
        labels.put("BEFORE_PURCHASE", "Før køb");
        labels.put("INTAKE", "Indledning");
        labels.put("CONSOLIDATION", "Konsolidering");
        labels.put("DESCRIPTION", "Beskrivelse");
        labels.put("ASSESSMENT", "Vurdering");
        labels.put("BEFORE_USE", "Før brug");
        labels.put("REQUESTER", "Rekvirent");
        labels.put("ADMINISTRATIVE_STAFF", "Administrativt personale");
        labels.put("DIGITALISATION_OFFICE", "Digitaliseringskontoret");
        labels.put("GROUP_IT", "Koncern IT");
        labels.put("DPO", "Databeskyttelsesrådgiver");
        labels.put("SUPPLIER", "Leverandør");
        labels.put("NONE", "Ingen");
        labels.put("BASELINE", "Grundlæggende");
        labels.put("STANDARD", "Standard");
        labels.put("EXTENDED", "Udvidet");
        labels.put("LOW", "Lav");
        labels.put("MEDIUM", "Middel");
        labels.put("HIGH", "Høj");
        labels.put("NEW_USE", "Ny anvendelse");
        labels.put("TRIAL", "Afprøvning");
        labels.put("RENEWAL", "Fornyelse");
        labels.put("EXTEND_TO_INSTITUTION", "Udvidelse til institutionen");
        labels.put("KVANTUM", "via Kvantum");
        labels.put("APP_STORE", "i en app-butik");
        labels.put("OTHER", "andet");
        labels.put("APP", "App");
        labels.put("DESKTOP_SOFTWARE", "Program til computeren");
        labels.put("WEB_SERVICE", "Webtjeneste");
        labels.put("BROWSER_EXTENSION", "Browserudvidelse");
        labels.put("HARDWARE_WITH_SOFTWARE", "Udstyr med software");
        labels.put("HARDWARE_WITHOUT_SOFTWARE", "Udstyr uden software");
        labels.put("TEACHING", "Undervisning");
        labels.put("WELLBEING", "Trivsel");
        labels.put("ADMINISTRATIVE", "Administration");
        labels.put("LINE_OF_BUSINESS", "Fagsystem");
        labels.put("INFRASTRUCTURE", "Infrastruktur");
        labels.put("UTILITY", "Værktøj");
        return Map.copyOf(labels);
    }
}
