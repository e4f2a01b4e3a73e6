package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One part of a workbook read with SAX, element by element, never as a tree: POI's hardened parser (no DTDs, no
 * external entities, entity expansion off), namespace-aware. A handler stops the reading by throwing
 * {@link Stop} with the reason.
 */
final class Xml {

    private Xml() {
    }

    /** What a handler does with each element that starts: its namespace, local name and attributes. */
    @FunctionalInterface
    interface StartElement {
        void start(String namespace, String element, Attributes attributes) throws SAXException;
    }

    /** Thrown by a handler to stop reading, for the reason it carries. */
    static final class Stop extends SAXException {

        private final transient TableRefused reason;

        Stop(TableRefused reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    static void parse(byte[] xml, String part, StartElement start) throws TableRefused {
        parse(xml, part, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                start.start(uri, localName, attributes);
            }
        });
    }

    static void parse(byte[] xml, String part, DefaultHandler handler) throws TableRefused {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (Stop stop) {
            throw stop.reason;
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            String name = TableCellType.shorten(part.startsWith("/") ? part.substring(1) : part);
            throw TableRefused.unusual("delen " + name + " er ikke gyldig XML", "the part " + name + " is not well-formed XML");
        }
    }
}
