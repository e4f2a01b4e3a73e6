package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xml.sax.Attributes;

/**
 * The parts of an .xlsx file, unpacked the way POI (and so Drools) unpacks them — entry by entry from the start of
 * the zip — each under {@link TableLimits}, with the content type {@code [Content_Types].xml} gives every part and the
 * relationships each {@code .rels} part declares. What a part is, is told by these, never by its path. Part names
 * are kept as OPC names ({@code /xl/workbook.xml}), in lower case: OPC compares them without case.
 */
final class WorkbookPackage {

    static final String CONTENT_TYPES = "/[content_types].xml";
    private static final String TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    /** Parts smaller than this may inflate as much as they like (POI's grace size too). */
    private static final long GRACE_BYTES = 100 * 1024;

    /** A relationship of a part: its type (a URI), where it points (a part name, or the external target as written). */
    record Relationship(String source, String type, String id, String target, boolean external) {

        /** Whether the type's last segment is {@code kind} ({@code .../relationships/worksheet}), in either OOXML flavour. */
        boolean is(String kind) {
            return type.toLowerCase(Locale.ROOT).endsWith("/" + kind.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<String, byte[]> parts;
    private final Map<String, String> overrides;
    private final Map<String, String> defaults;
    private final Map<String, List<Relationship>> relationships;

    private WorkbookPackage(Map<String, byte[]> parts, Map<String, String> overrides, Map<String, String> defaults,
                            Map<String, List<Relationship>> relationships) {
        this.parts = parts;
        this.overrides = overrides;
        this.defaults = defaults;
        this.relationships = relationships;
    }

    static WorkbookPackage read(byte[] bytes) throws TableRefused {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw TableRefused.notAWorkbook();
        }
        Map<String, byte[]> parts = unzip(bytes);
        byte[] types = parts.get(CONTENT_TYPES);
        if (types == null) {
            throw TableRefused.notAWorkbook();
        }
        Map<String, String> overrides = new HashMap<>();
        Map<String, String> defaults = new HashMap<>();
        Xml.parse(types, "[Content_Types].xml", (String ns, String element, Attributes attributes) -> {
            if (!TYPES_NS.equals(ns)) {
                return;
            }
            String type = attributes.getValue("ContentType");
            if (element.equals("Override") && attributes.getValue("PartName") != null && type != null) {
                overrides.put(name(attributes.getValue("PartName")), type.trim());
            } else if (element.equals("Default") && attributes.getValue("Extension") != null && type != null) {
                defaults.put(attributes.getValue("Extension").toLowerCase(Locale.ROOT), type.trim());
            }
        });
        Map<String, List<Relationship>> relationships = new HashMap<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String rels = part.getKey();
            int folder = rels.lastIndexOf("/_rels/");
            if (!rels.endsWith(".rels") || folder < 0) {
                continue;
            }
            String source = rels.substring(0, folder + 1) + rels.substring(folder + "/_rels/".length(), rels.length() - ".rels".length());
            List<Relationship> list = new ArrayList<>();
            Xml.parse(part.getValue(), rels, (String ns, String element, Attributes attributes) -> {
                if (RELS_NS.equals(ns) && element.equals("Relationship")) {
                    String type = attributes.getValue("Type");
                    String target = attributes.getValue("Target");
                    boolean external = "External".equalsIgnoreCase(attributes.getValue("TargetMode"));
                    list.add(new Relationship(source, type == null ? "" : type.trim(), attributes.getValue("Id"),
                            target == null ? "" : external ? target : resolve(source, target), external));
                }
            });
            relationships.put(source, list);
        }
        return new WorkbookPackage(parts, overrides, defaults, relationships);
    }

    /** Every entry, unpacked, refused at the first that inflates like a zip bomb or beyond a limit. */
    private static Map<String, byte[]> unzip(byte[] bytes) throws TableRefused {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        long inflated = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[8192];
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (parts.size() >= TableLimits.MAX_PARTS) {
                    throw new TableRefused("filen har mere end " + TableLimits.MAX_PARTS + " dele; højst "
                            + TableLimits.MAX_PARTS + " er tilladt", "the file has more than " + TableLimits.MAX_PARTS
                            + " parts; at most " + TableLimits.MAX_PARTS + " are allowed");
                }
                String name = name(entry.getName());
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    size += n;
                    inflated += n;
                    if (zip.getUncompressedCount() > GRACE_BYTES
                            && (double) zip.getCompressedCount() / zip.getUncompressedCount() < ZipSecureFile.getMinInflateRatio()) {
                        throw new TableRefused("filen pakker sig ud til langt mere end den fylder (en zip-bombe) og læses ikke",
                                "the file unpacks to far more than its size (a zip bomb) and is not read");
                    }
                    if (size > TableLimits.MAX_PART_BYTES) {
                        String part = TableCellType.shorten(entry.getName());
                        throw new TableRefused("delen " + part + " fylder udpakket mere end "
                                + TableLimits.mib(TableLimits.MAX_PART_BYTES) + " MiB; højst "
                                + TableLimits.mib(TableLimits.MAX_PART_BYTES) + " MiB pr. del er tilladt",
                                "the part " + part + " unpacks to more than " + TableLimits.mib(TableLimits.MAX_PART_BYTES)
                                        + " MiB; at most " + TableLimits.mib(TableLimits.MAX_PART_BYTES) + " MiB per part are allowed");
                    }
                    if (inflated > TableLimits.MAX_UNPACKED_BYTES) {
                        throw new TableRefused("filen fylder udpakket mere end " + TableLimits.mib(TableLimits.MAX_UNPACKED_BYTES)
                                + " MiB; højst " + TableLimits.mib(TableLimits.MAX_UNPACKED_BYTES) + " MiB er tilladt",
                                "the file unpacks to more than " + TableLimits.mib(TableLimits.MAX_UNPACKED_BYTES)
                                        + " MiB; at most " + TableLimits.mib(TableLimits.MAX_UNPACKED_BYTES) + " MiB are allowed");
                    }
                    content.write(buffer, 0, n);
                }
                if (parts.put(name, content.toByteArray()) != null) {
                    throw TableRefused.unusual("to dele hedder " + TableCellType.shorten(entry.getName()),
                            "two parts are named " + TableCellType.shorten(entry.getName()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw TableRefused.notAWorkbook();
        }
        return parts;
    }

    /** The part names, in the order of the zip. */
    Iterable<String> parts() {
        return parts.keySet();
    }

    byte[] part(String name) {
        return parts.get(name);
    }

    /** The content type of a part: its override, else the default of its extension; null when it has none. */
    String contentType(String part) {
        String type = overrides.get(part);
        if (type != null) {
            return type;
        }
        int dot = part.lastIndexOf('.');
        return dot < part.lastIndexOf('/') ? null : defaults.get(part.substring(dot + 1));
    }

    /** The relationships of a part ({@code /} for the package's own), in the order declared. */
    List<Relationship> relationships(String source) {
        return relationships.getOrDefault(source, List.of());
    }

    /** Every relationship of every part. */
    List<Relationship> allRelationships() {
        return relationships.values().stream().flatMap(List::stream).toList();
    }

    /** An OPC part name from a zip entry name or a PartName: leading slash, percent-escapes decoded, lower case. */
    static String name(String name) {
        String decoded = percentDecoded(name.replace('\\', '/'));
        return (decoded.startsWith("/") ? decoded : "/" + decoded).toLowerCase(Locale.ROOT);
    }

    /** A relationship's target, relative to the folder of its source part (or absolute), as a part name. */
    static String resolve(String source, String target) {
        String path = target.startsWith("/") ? target : source.substring(0, source.lastIndexOf('/') + 1) + target;
        List<String> segments = new ArrayList<>();
        for (String segment : percentDecoded(path).split("/")) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
    }

    private static String percentDecoded(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        try {
            return java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
