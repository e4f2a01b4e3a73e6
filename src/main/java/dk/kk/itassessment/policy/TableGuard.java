package dk.kk.itassessment.policy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Looks at a table file before anything keeps it whole: its size, and for a workbook every part of the zip
 * ({@link WorkbookPackage}: zip bombs, the unpacked size of each part and of all) and then every sheet, read as a
 * stream within {@link TableLimits} (rows, columns, cells). A workbook with macros (a macro-enabled workbook, a VBA
 * project, macro or dialog sheets, ActiveX), embedded objects or links to other files is refused whole: its cells
 * might be fine, but what an officer sees in it need not be what the service reads. What a part is, is read from
 * its content type ({@code [Content_Types].xml}) and the types of the relationships that point to it, never from its
 * path; a part without a content type is refused. A CSV file must be UTF-8 text within the same row and column limits.
 */
final class TableGuard {

    /** Content types, in lower case, of parts that are or hold code. */
    private static final Set<String> MACRO_TYPES = Set.of(
            "application/vnd.ms-office.vbaproject", "application/vnd.ms-office.vbaprojectsignature",
            "application/vnd.ms-office.vbaprojectsignatureagile", "application/vnd.ms-office.vbaprojectsignaturev3",
            "application/vnd.ms-excel.macrosheet+xml", "application/vnd.ms-excel.intlmacrosheet+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml",
            "application/vnd.ms-office.activex+xml", "application/vnd.ms-office.activex",
            "application/vnd.ms-excel.controlproperties+xml", "application/vnd.ms-office.vbaprojectbinary");
    /** Content types of parts that link to other files or data. */
    private static final Set<String> LINK_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.externallink+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.querytable+xml");
    /** Content types of embedded objects. */
    private static final Set<String> EMBEDDED_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.oleobject", "application/vnd.ms-office.oleobject");
    /** Relationship types (their last segment, in lower case) that bring in code. */
    private static final Set<String> MACRO_RELATIONSHIPS = Set.of("vbaproject", "vbaprojectsignature",
            "vbaprojectsignatureagile", "vbaprojectsignaturev3", "xlmacrosheet", "xlintlmacrosheet", "dialogsheet",
            "activexcontrol", "activexcontrolbinary", "ctrlprop");
    /** Relationship types that link to other files or data. */
    private static final Set<String> LINK_RELATIONSHIPS = Set.of("externallink", "externallinkpath", "xlexternallinkpath",
            "xlpathmissing", "xlstartup", "xlalternatestartup", "xllibrary", "connections", "querytable", "attachedtemplate");
    /** Relationship types of embedded objects. */
    private static final Set<String> EMBEDDED_RELATIONSHIPS = Set.of("oleobject", "package");

    private TableGuard() {
    }

    /** Whole-file findings (cell null, or the CSV row of a bad byte); empty when the file may be read. */
    static List<Finding> check(String table, String path, byte[] bytes) {
        if (bytes.length > RuleFiles.MAX_FILE_BYTES) {
            return List.of(Finding.of(table, null, "filen er " + mib(bytes.length) + " MiB; højst 5 MiB er tilladt",
                    "the file is " + mib(bytes.length) + " MiB; at most 5 MiB are allowed"));
        }
        return path.endsWith(".csv") ? csv(table, bytes) : workbook(table, bytes);
    }

    private static List<Finding> csv(String table, byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            return List.of(Finding.of(table, row(table, bytes, in.position()),
                    "filen er ikke UTF-8-tekst; gem den som CSV (UTF-8)",
                    "the file is not UTF-8 text; save it as CSV (UTF-8)"));
        }
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n' || b == 0x7f) {
                return List.of(Finding.of(table, row(table, bytes, i),
                        "filen indeholder et kontroltegn (byte " + b + "); kun tekst, tabulator og linjeskift er tilladt",
                        "the file holds a control character (byte " + b + "); only text, tabs and line breaks are allowed"));
            }
        }
        return csvSize(table, bytes);
    }

    /**
     * The rows and columns of a CSV file as Drools' parser will split it, counted before it does: lines end at
     * {@code \n}, {@code \r} or both; cells at commas outside quotes.
     */
    private static List<Finding> csvSize(String table, byte[] bytes) {
        int line = 1;
        int cells = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                if (i + 1 < bytes.length && ++line > TableLimits.MAX_ROWS) {
                    return List.of(Finding.of(table, null, "filen har mere end " + TableLimits.MAX_ROWS + " linjer; en tabel "
                                    + "må have højst " + TableLimits.MAX_ROWS + " rækker",
                            "the file has more than " + TableLimits.MAX_ROWS + " lines; a table may have at most "
                                    + TableLimits.MAX_ROWS + " rows"));
                }
                cells = 1;
                quoted = false;
                fieldStart = true;
            } else if (b == '"' && (fieldStart || quoted)) {
                quoted = fieldStart || !quoted;
                fieldStart = false;
            } else if (b == ',' && !quoted) {
                fieldStart = true;
                if (++cells > TableLimits.MAX_COLUMNS) {
                    return List.of(Finding.of(table, table + "!" + line + ":" + line, "linjen har mere end "
                                    + TableLimits.MAX_COLUMNS + " celler; en tabel må have højst " + TableLimits.MAX_COLUMNS + " kolonner",
                            "the line has more than " + TableLimits.MAX_COLUMNS + " cells; a table may have at most "
                                    + TableLimits.MAX_COLUMNS + " columns"));
                }
            } else {
                fieldStart = false;
            }
        }
        return List.of();
    }

    /** The CSV row a byte is on, as {@code table!3:3}. */
    private static String row(String table, byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return table + "!" + line + ":" + line;
    }

    private static List<Finding> workbook(String table, byte[] bytes) {
        try {
            WorkbookPackage pkg = WorkbookPackage.read(bytes);
            List<Finding> kinds = kinds(table, pkg);
            if (!kinds.isEmpty()) {
                return kinds;
            }
            TableReader.workbook(table, pkg, new ArrayList<>());
            return List.of();
        } catch (TableRefused refused) {
            return List.of(new Finding(table, null, refused.reason()));
        }
    }

    /** Macros, embedded objects and links, by the content type of every part and the type of every relationship. */
    private static List<Finding> kinds(String table, WorkbookPackage pkg) throws TableRefused {
        Set<Finding> findings = new LinkedHashSet<>();
        for (String part : pkg.parts()) {
            if (part.equals(WorkbookPackage.CONTENT_TYPES)) {
                continue;
            }
            String type = pkg.contentType(part);
            if (type == null) {
                String name = TableCellType.shorten(part.substring(1));
                throw TableRefused.unusual("delen " + name + " har ingen indholdstype", "the part " + name + " has no content type");
            }
            String lower = type.toLowerCase(Locale.ROOT);
            if (MACRO_TYPES.contains(lower) || lower.contains("macroenabled")) {
                findings.add(macros(table));
            } else if (LINK_TYPES.contains(lower)) {
                findings.add(links(table));
            } else if (EMBEDDED_TYPES.contains(lower)) {
                findings.add(embedded(table));
            }
        }
        for (WorkbookPackage.Relationship rel : pkg.allRelationships()) {
            String kind = rel.type().substring(rel.type().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (MACRO_RELATIONSHIPS.contains(kind)) {
                findings.add(macros(table));
            } else if (LINK_RELATIONSHIPS.contains(kind) || rel.external() && !kind.equals("hyperlink")) {
                findings.add(links(table));
            } else if (EMBEDDED_RELATIONSHIPS.contains(kind)) {
                findings.add(embedded(table));
            }
        }
        if (findings.isEmpty()) {
            String main = TableReader.mainPart(pkg);
            if (!"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml".equals(pkg.contentType(main))) {
                throw TableRefused.notAWorkbook();
            }
        }
        return new ArrayList<>(findings);
    }

    private static Finding macros(String table) {
        return Finding.of(table, null,
                "regnearket indeholder makroer (.xlsm, VBA, makro- eller ActiveX-ark); gem det som .xlsx uden makroer",
                "the workbook holds macros (.xlsm, VBA, macro or ActiveX sheets); save it as .xlsx without macros");
    }

    private static Finding links(String table) {
        return Finding.of(table, null,
                "regnearket henviser til andre filer (eksterne links); fjern linkene og skriv værdierne",
                "the workbook refers to other files (external links); remove the links and type the values");
    }

    private static Finding embedded(String table) {
        return Finding.of(table, null, "regnearket indeholder indlejrede objekter (OLE); fjern dem",
                "the workbook holds embedded objects (OLE); remove them");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
