package dk.kk.itassessment.registry;

import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it: fields separated by commas, a field with a comma, a quote or a line break in double
 * quotes, a quote inside doubled. Lines end with CRLF or LF; empty lines are skipped. Each record knows the line
 * it starts on (the header is line 1), so that an error can name it.
 */
final class Csv {

    /** One record: the line it starts on and its fields; or, when it cannot be read, what is wrong with it. */
    record Row(int line, List<String> fields, String error) {
    }

    private final String text;
    private int pos;
    private int line = 1;

    private Csv(String text) {
        this.text = text;
    }

    /** Strict UTF-8 (a byte order mark is skipped), no NUL characters. */
    static String decode(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The body is not valid UTF-8.", List.of(
                    new FieldError("$", "the body must be UTF-8 encoded")));
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidRequest("The body contains a NUL character.", List.of(
                    new FieldError("$", "NUL characters are not allowed")));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<Row> parse(String text) {
        return new Csv(text).rows();
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            if (lineBreak()) {
                continue; // an empty line
            }
            int start = line;
            try {
                rows.add(new Row(start, record(), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(start, List.of(), e.getMessage()));
                skipRestOfLine();
            }
        }
        return rows;
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : plain());
            if (pos >= text.length() || lineBreak()) {
                return fields;
            }
            pos++; // the comma
        }
    }

    private String plain() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\r' || c == '\n') {
                break;
            }
            if (c == '"') {
                throw new IllegalArgumentException("a field with a quote must be quoted, the quote doubled");
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder field = new StringBuilder();
        pos++; // the opening quote
        while (true) {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("a quoted field is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\r'
                        && text.charAt(pos) != '\n') {
                    throw new IllegalArgumentException("a closing quote must end the field");
                }
                return field.toString();
            }
            if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                line++;
            }
            field.append(c);
        }
    }

    /** Consumes a line break (CRLF, LF or CR) at the position, if there is one. */
    private boolean lineBreak() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '\r') {
            pos += pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
        } else if (c == '\n') {
            pos++;
        } else {
            return false;
        }
        line++;
        return true;
    }

    private void skipRestOfLine() {
        while (pos < text.length() && !lineBreak()) {
            pos++;
        }
    }
}
