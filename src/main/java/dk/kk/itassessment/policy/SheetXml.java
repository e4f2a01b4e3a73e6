package dk.kk.itassessment.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One worksheet part read with SAX into its cells as written (type, style, value, formula or not) and its merged
 * regions, stopping at the first row, column, cell or merged region beyond {@link TableLimits}. Rows and cells must
 * name their place and come in order, as every spreadsheet program writes them: a sheet that leaves that to the
 * reader could be read one way here and another way by Drools.
 */
final class SheetXml extends DefaultHandler {

    /** A cell as written: {@code t} (null for a number), {@code s}, its value or inline text, and whether it has a formula. */
    record RawCell(int row, int col, String type, int style, String value, boolean formula) {
    }

    /** What a sheet holds: its cells by row and column, and its merged regions in the order written. */
    record Cells(TreeMap<Integer, TreeMap<Integer, RawCell>> rows, List<CellRangeAddress> merged) {
    }

    private final String sheet;
    private final int[] cellsInFile;
    private final TreeMap<Integer, TreeMap<Integer, RawCell>> rows = new TreeMap<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private final WorkbookXml.RichText inline = new WorkbookXml.RichText() {
        @Override
        void item(String text) {
            inlineText = text;
        }

        @Override
        boolean isItem(String element) {
            return element.equals("is");
        }
    };
    private int row = -1;
    private int col = -1;
    private String type;
    private int style;
    private boolean formula;
    private boolean inValue;
    private boolean hasValue;
    private boolean inInline;
    private String inlineText;

    private SheetXml(String sheet, int[] cellsInFile) {
        this.sheet = sheet;
        this.cellsInFile = cellsInFile;
    }

    /**
     * Reads the sheet called {@code sheet} from its part; {@code cellsInFile} counts the cells of every sheet read
     * so far, for the limit on a whole file.
     */
    static Cells read(String sheet, byte[] part, String partName, int[] cellsInFile) throws TableRefused {
        SheetXml handler = new SheetXml(sheet, cellsInFile);
        Xml.parse(part, partName, handler);
        return new Cells(handler.rows, handler.merged);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (inInline) {
            inline.startElement(uri, localName, qName, attributes);
            return;
        }
        if (!WorkbookXml.MAIN_NS.equals(uri)) {
            return;
        }
        switch (localName) {
            case "row" -> startRow(attributes.getValue("r"));
            case "c" -> startCell(attributes);
            case "f" -> formula = true;
            case "v" -> {
                inValue = true;
                hasValue = true;
                value.setLength(0);
            }
            case "is" -> {
                inInline = true;
                inline.startElement(uri, localName, qName, attributes);
            }
            case "mergeCell" -> merge(attributes.getValue("ref"));
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (inInline) {
            inline.endElement(uri, localName, qName);
            inInline = !(WorkbookXml.MAIN_NS.equals(uri) && localName.equals("is"));
            return;
        }
        if (!WorkbookXml.MAIN_NS.equals(uri)) {
            return;
        }
        if (localName.equals("v")) {
            inValue = false;
        } else if (localName.equals("c")) {
            String text = inlineText != null ? inlineText : hasValue ? value.toString() : null;
            rows.get(row).put(col, new RawCell(row, col, type, style, text, formula));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inInline) {
            inline.characters(ch, start, length);
        } else if (inValue) {
            value.append(ch, start, length);
        }
    }

    private void startRow(String r) throws SAXException {
        int index = r == null ? -1 : number(r) - 1;
        if (index < 0 || index <= row) {
            throw unusual("rækkerne har ikke deres nummer i rækkefølge", "its rows do not carry their numbers in order");
        }
        if (index >= TableLimits.MAX_ROWS) {
            throw new Xml.Stop(new TableRefused("arket '" + shortName() + "' fortsætter under række " + TableLimits.MAX_ROWS
                    + " (i række " + (index + 1) + "); en tabel må have højst " + TableLimits.MAX_ROWS
                    + " rækker: slet rækkerne under tabellen",
                    "the sheet '" + shortName() + "' goes on below row " + TableLimits.MAX_ROWS + " (in row " + (index + 1)
                            + "); a table may have at most " + TableLimits.MAX_ROWS + " rows: delete the rows below the table"));
        }
        row = index;
        col = -1;
        rows.put(row, new TreeMap<>());
    }

    private void startCell(Attributes attributes) throws SAXException {
        String r = attributes.getValue("r");
        CellReference ref;
        try {
            ref = r == null ? null : new CellReference(r);
        } catch (RuntimeException e) {
            ref = null;
        }
        if (row < 0 || ref == null || ref.getRow() != row || ref.getCol() <= col) {
            throw unusual("cellerne har ikke deres plads i rækkefølge", "its cells do not carry their places in order");
        }
        if (ref.getCol() >= TableLimits.MAX_COLUMNS) {
            String last = CellReference.convertNumToColString(TableLimits.MAX_COLUMNS - 1);
            throw new Xml.Stop(new TableRefused("arket '" + shortName() + "' har celler til højre for kolonne " + last
                    + " (" + ref.formatAsString(false) + "); en tabel må have højst " + TableLimits.MAX_COLUMNS + " kolonner",
                    "the sheet '" + shortName() + "' has cells right of column " + last + " (" + ref.formatAsString(false)
                            + "); a table may have at most " + TableLimits.MAX_COLUMNS + " columns"));
        }
        if (++cellsInFile[0] > TableLimits.MAX_CELLS) {
            throw new Xml.Stop(new TableRefused("filen har mere end " + TableLimits.MAX_CELLS + " celler (også tomme "
                    + "celler med formatering tæller); højst " + TableLimits.MAX_CELLS + " er tilladt",
                    "the file has more than " + TableLimits.MAX_CELLS + " cells (blank cells with a format count too); at most "
                            + TableLimits.MAX_CELLS + " are allowed"));
        }
        col = ref.getCol();
        type = attributes.getValue("t");
        String s = attributes.getValue("s");
        style = s == null ? 0 : number(s);
        formula = false;
        inValue = false;
        hasValue = false;
        value.setLength(0);
        inlineText = null;
    }

    private void merge(String ref) throws SAXException {
        if (merged.size() >= TableLimits.MAX_MERGED_REGIONS) {
            throw new Xml.Stop(new TableRefused("arket '" + shortName() + "' har mere end " + TableLimits.MAX_MERGED_REGIONS
                    + " flettede områder; højst " + TableLimits.MAX_MERGED_REGIONS + " er tilladt",
                    "the sheet '" + shortName() + "' has more than " + TableLimits.MAX_MERGED_REGIONS
                            + " merged regions; at most " + TableLimits.MAX_MERGED_REGIONS + " are allowed"));
        }
        try {
            merged.add(CellRangeAddress.valueOf(ref));
        } catch (RuntimeException e) {
            throw unusual("et flettet område har ingen gyldig adresse", "a merged region has no valid address");
        }
    }

    private String shortName() {
        return TableCellType.shorten(sheet);
    }

    private Xml.Stop unusual(String da, String en) {
        return new Xml.Stop(TableRefused.unusual("arket '" + shortName() + "': " + da, "the sheet '" + shortName() + "': " + en));
    }

    private int number(String value) throws SAXException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw unusual("et tal i arkets XML er ikke et tal", "a number in its XML is not a number");
        }
    }
}
