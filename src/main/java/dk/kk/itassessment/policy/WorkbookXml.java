package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The small parts of a workbook that its sheets need, read with SAX as POI reads them: the sheets the workbook lists
 * ({@code workbook.xml}), its shared strings and the number format of each cell style ({@code styles.xml}).
 */
final class WorkbookXml {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private WorkbookXml() {
    }

    /** A sheet as {@code workbook.xml} lists it: name, whether hidden, and the id of its relationship. */
    record SheetEntry(String name, boolean hidden, String relationship) {
    }

    static List<SheetEntry> sheets(byte[] workbook, String part) throws TableRefused {
        List<SheetEntry> sheets = new ArrayList<>();
        Xml.parse(workbook, part, (ns, element, attributes) -> {
            if (MAIN_NS.equals(ns) && element.equals("sheet")) {
                String state = attributes.getValue("state");
                String name = attributes.getValue("name");
                sheets.add(new SheetEntry(name == null ? "" : name, "hidden".equals(state) || "veryHidden".equals(state),
                        attributes.getValue(REL_NS, "id")));
            }
        });
        return sheets;
    }

    /**
     * The shared strings, each as POI gives it: the text of its runs when it has runs, else its own text, phonetic
     * runs left out, {@code _xHHHH_} escapes decoded.
     */
    static List<String> sharedStrings(byte[] part, String name) throws TableRefused {
        List<String> strings = new ArrayList<>();
        Xml.parse(part, name, new RichText() {
            @Override
            void item(String text) {
                strings.add(decoded(text));
            }

            @Override
            boolean isItem(String element) {
                return element.equals("si");
            }
        });
        return strings;
    }

    /**
     * Collects the text of rich-text items ({@code <si>}, or a cell's {@code <is>}) the way POI's
     * {@code XSSFRichTextString.getString()} does, before {@link #decoded}.
     */
    abstract static class RichText extends DefaultHandler {

        private final StringBuilder own = new StringBuilder();
        private final StringBuilder runs = new StringBuilder();
        private boolean inItem;
        private boolean inRun;
        private boolean inPhonetic;
        private boolean inText;
        private boolean hasRuns;

        abstract void item(String text);

        abstract boolean isItem(String element);

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws org.xml.sax.SAXException {
            if (!MAIN_NS.equals(uri)) {
                return;
            }
            if (isItem(localName)) {
                inItem = true;
                hasRuns = false;
                own.setLength(0);
                runs.setLength(0);
            } else if (inItem && localName.equals("r")) {
                inRun = true;
                hasRuns = true;
            } else if (inItem && localName.equals("rPh")) {
                inPhonetic = true;
            } else if (inItem && localName.equals("t")) {
                inText = true;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
            if (!MAIN_NS.equals(uri)) {
                return;
            }
            if (inItem && isItem(localName)) {
                inItem = false;
                item((hasRuns ? runs : own).toString());
            } else if (localName.equals("r")) {
                inRun = false;
            } else if (localName.equals("rPh")) {
                inPhonetic = false;
            } else if (localName.equals("t")) {
                inText = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && !inPhonetic) {
                (inRun ? runs : own).append(ch, start, length);
            }
        }
    }

    /** POI's decoding of {@code _xHHHH_} (a character XML cannot hold, written as its code). */
    static String decoded(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        Matcher m = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            last = m.end();
        }
        return out.append(value, last, value.length()).toString();
    }

    /** A cell style's number format: POI's built-in or the workbook's own format code, by id. */
    record NumberFormat(int id, String code) {
    }

    /** The number format of every cell style ({@code cellXfs}), by the style's index. */
    static List<NumberFormat> numberFormats(byte[] styles, String part) throws TableRefused {
        Map<Integer, String> codes = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        Xml.parse(styles, part, new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (!MAIN_NS.equals(uri)) {
                    return;
                }
                if (localName.equals("numFmt")) {
                    Integer id = number(attributes.getValue("numFmtId"));
                    if (id != null && attributes.getValue("formatCode") != null) {
                        codes.put(id, attributes.getValue("formatCode"));
                    }
                } else if (localName.equals("cellXfs")) {
                    inCellXfs = true;
                } else if (inCellXfs && localName.equals("xf")) {
                    Integer id = attributes.getValue("numFmtId") == null ? Integer.valueOf(0) : number(attributes.getValue("numFmtId"));
                    ids.add(id == null ? -1 : id);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (MAIN_NS.equals(uri) && localName.equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        });
        List<NumberFormat> formats = new ArrayList<>();
        for (int id : ids) {
            String code = codes.containsKey(id) ? codes.get(id) : id >= 0 ? BuiltinFormats.getBuiltinFormat(id) : null;
            formats.add(code == null ? null : new NumberFormat(id, code));
        }
        return formats;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
