package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Looks at a table file's bytes before anything parses it: its size, and for a workbook every part of the zip, read
 * as a stream that stops at the first part inflating more than POI allows ({@link ZipSecureFile}'s minimum inflate
 * ratio, which stays on) or at {@value #MAX_INFLATED_BYTES} bytes in all. A workbook with macros (an .xlsm, a VBA
 * project, macro sheets, ActiveX) or links to other files is refused whole: its cells might be fine, but what an
 * officer sees in it need not be what the service reads. A CSV file must be UTF-8 text.
 */
final class TableGuard {

    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    /** Parts smaller than this may inflate as much as they like (POI's grace size too). */
    private static final long GRACE_BYTES = 100 * 1024;

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
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return List.of(notAWorkbook(table));
        }
        List<Finding> findings = new ArrayList<>();
        boolean workbook = false;
        boolean contentTypes = false;
        long inflated = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (bomb(zip.getCompressedCount(), zip.getUncompressedCount(), inflated)) {
                        return List.of(Finding.of(table, null,
                                "filen pakker sig ud til langt mere end den fylder (en zip-bombe) og læses ikke",
                                "the file unpacks to far more than its size (a zip bomb) and is not read"));
                    }
                    if (name.equals("[content_types].xml")) {
                        content.write(buffer, 0, n);
                    }
                }
                workbook |= name.equals("xl/workbook.xml");
                if (name.equals("[content_types].xml")) {
                    contentTypes = true;
                    if (content.toString(StandardCharsets.UTF_8).contains("macroEnabled")) {
                        findings.add(macros(table));
                    }
                } else if (name.endsWith("vbaproject.bin") || name.startsWith("xl/macrosheets/")
                        || name.startsWith("xl/activex/") || name.startsWith("xl/dialogsheets/")) {
                    findings.add(macros(table));
                } else if (name.startsWith("xl/externallinks/")) {
                    findings.add(Finding.of(table, null,
                            "regnearket henviser til andre filer (eksterne links); fjern linkene og skriv værdierne",
                            "the workbook refers to other files (external links); remove the links and type the values"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(notAWorkbook(table));
        }
        if (!workbook || !contentTypes) {
            return List.of(notAWorkbook(table));
        }
        return findings.stream().distinct().toList();
    }

    private static boolean bomb(long compressed, long uncompressed, long inflatedInAll) {
        return inflatedInAll > MAX_INFLATED_BYTES
                || uncompressed > GRACE_BYTES && (double) compressed / uncompressed < ZipSecureFile.getMinInflateRatio();
    }

    private static Finding macros(String table) {
        return Finding.of(table, null,
                "regnearket indeholder makroer (.xlsm, VBA, makro- eller ActiveX-ark); gem det som .xlsx uden makroer",
                "the workbook holds macros (.xlsm, VBA, macro or ActiveX sheets); save it as .xlsx without macros");
    }

    private static Finding notAWorkbook(String table) {
        return Finding.of(table, null, "filen er ikke et .xlsx-regneark", "the file is not an .xlsx workbook");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
