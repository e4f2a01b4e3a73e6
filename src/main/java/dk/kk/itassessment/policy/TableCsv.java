package dk.kk.itassessment.policy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * CSV tables as the service writes and reads them. A spreadsheet program opening a CSV file takes a cell that starts
 * with {@code = + - @} (or a tab or carriage return) for a formula, so every such cell the service writes is
 * neutralised: written as {@code '} and the cell, in quotes. Reading a CSV table takes such a cell back as the value
 * meant: a cell that starts with {@code '} followed by one of those characters is read without the {@code '} — by the
 * checks and by Drools alike. (No table value needs a leading {@code '} before one of those characters.)
 */
public final class TableCsv {

    private static final String FORMULA_START = "=+-@\t\r";

    private TableCsv() {
    }

    /**
     * One CSV line of cells, each quoted as Drools' CSV parser reads it, formula-like cells neutralised. Drools reads
     * a CSV table line by line, so a line break in a cell (a note) is written as a space: the rows keep their numbers.
     */
    public static String line(List<String> cells) {
        List<String> fields = new ArrayList<>();
        for (String cell : cells) {
            fields.add(field(neutralised(cell.replaceAll("\\r\\n|\\r|\\n", " "))));
        }
        return String.join(",", fields);
    }

    /** {@code '=1+1} for {@code =1+1}; any other cell as it is. */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The cell an officer meant by a neutralised one. */
    static String meant(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** A field in quotes where it holds a comma, a quote or a line break, or is neutralised. */
    private static String field(String value) {
        boolean quoted = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || value.startsWith("'");
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /**
     * A CSV table with its neutralised cells read back as meant (see the class). Lines without such a cell stay
     * byte for byte; a line with one is written again with the same cells, which Drools' parser reads back exactly.
     */
    public static byte[] asMeant(byte[] csv) {
        return rewritten(csv, TableCsv::meant);
    }

    /** A CSV table with its formula-like cells neutralised, lines without one byte for byte as they were. */
    public static byte[] neutralised(byte[] csv) {
        return rewritten(csv, TableCsv::neutralised);
    }

    /**
     * The lines of a CSV file with each cell changed by {@code change}: a line it leaves alone stays byte for byte; a
     * line it changes is written again, unless Drools' parser would not read the new line back as the new cells.
     */
    private static byte[] rewritten(byte[] csv, java.util.function.UnaryOperator<String> change) {
        CsvLineParser parser = new CsvLineParser();
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> cells = new ArrayList<>(parser.parse(line));
                List<String> meant = cells.stream().map(change).toList();
                String written = line;
                if (!meant.equals(cells)) {
                    List<String> fields = meant.stream().map(TableCsv::field).toList();
                    String candidate = String.join(",", fields);
                    if (parser.parse(candidate).equals(meant)) {
                        written = candidate;
                        changed = true;
                    }
                }
                out.append(written).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed ? out.toString().getBytes(StandardCharsets.UTF_8) : csv;
    }
}
