package dk.kk.itassessment.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workbook's zip changed part by part, for tests of what an upload may hold: a part's text changed, a part added
 * with its content type in {@code [Content_Types].xml} and a relationship to it, or a part streamed in that would
 * be too large to keep in memory.
 */
public final class WorkbookZips {

    public static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    public static final String VBA_TYPE = "application/vnd.ms-office.vbaProject";
    public static final String VBA_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
    public static final String LINK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml";
    public static final String LINK_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink";
    /** An external link part, as Excel writes one (to no book in particular). */
    public static final byte[] EXTERNAL_LINK = ("<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<externalBook/></externalLink>").getBytes(StandardCharsets.UTF_8);

    private WorkbookZips() {
    }

    /** Writes one part's content to a zip entry as it is made. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The parts of a workbook, in zip order. */
    public static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** A workbook zipped from parts, in their order, with one more part streamed in at the end (or none). */
    public static byte[] zip(Map<String, byte[]> parts, String streamedPart, Content streamed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            if (streamedPart != null) {
                zip.putNextEntry(new ZipEntry(streamedPart));
                streamed.write(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook with one part's text changed. */
    public static byte[] change(byte[] xlsx, String part, UnaryOperator<String> change) {
        Map<String, byte[]> parts = parts(xlsx);
        parts.put(part, change.apply(new String(parts.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(parts, null, null);
    }

    /** The workbook with one more part at {@code path}, whatever it is, and nothing that declares it. */
    public static byte[] withEntry(byte[] xlsx, String path, byte[] content) {
        Map<String, byte[]> parts = parts(xlsx);
        parts.put(path, content);
        return zip(parts, null, null);
    }

    /**
     * The workbook with one more part at {@code path}, its content type declared ({@code Override}) and related from
     * the workbook with {@code relationshipType} (internal) — what a spreadsheet program writes for such a part.
     */
    public static byte[] withPart(byte[] xlsx, String path, String contentType, String relationshipType, byte[] content) {
        Map<String, byte[]> parts = parts(xlsx);
        parts.put(path, content);
        declare(parts, path, contentType);
        String target = path.startsWith("xl/") ? path.substring(3) : "/" + path;
        relate(parts, WORKBOOK_RELS, relationshipType, target, false);
        return zip(parts, null, null);
    }

    /** The workbook with a relationship of the workbook to an external target (a URL, a file). */
    public static byte[] withExternalRelationship(byte[] xlsx, String relationshipType, String target) {
        Map<String, byte[]> parts = parts(xlsx);
        relate(parts, WORKBOOK_RELS, relationshipType, target, true);
        return zip(parts, null, null);
    }

    /** Adds an {@code Override} for {@code path} to {@code [Content_Types].xml}. */
    public static void declare(Map<String, byte[]> parts, String path, String contentType) {
        String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
        types = types.replace("</Types>", "<Override PartName=\"/" + path + "\" ContentType=\"" + contentType + "\"/></Types>");
        parts.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a relationship to a {@code .rels} part. */
    public static void relate(Map<String, byte[]> parts, String rels, String type, String target, boolean external) {
        String xml = new String(parts.get(rels), StandardCharsets.UTF_8);
        xml = xml.replace("</Relationships>", "<Relationship Id=\"rIdTest" + xml.length() + "\" Type=\"" + type
                + "\" Target=\"" + target + "\"" + (external ? " TargetMode=\"External\"" : "") + "/></Relationships>");
        parts.put(rels, xml.getBytes(StandardCharsets.UTF_8));
    }
}
