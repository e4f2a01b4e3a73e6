package dk.kk.itassessment.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * The officers' spreadsheets turned into DRL, sheet by sheet, once {@link TableChecks} found nothing wrong with the
 * file: a cell never becomes code unchecked.
 */
final class DecisionTables {

    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)_(\\d+)\"", Pattern.MULTILINE);

    private DecisionTables() {
    }

    /** One compiled sheet: the table and sheet, the DRL Drools made of it, and where each of its rules came from. */
    record CompiledSheet(String file, String table, String sheet, String drl, List<RuleOrigin> rules) {
    }

    /** A rule made from a table row: its name ({@code Routes_14}), the spreadsheet row (1-based) and its DRL line. */
    record RuleOrigin(String name, int row, int drlLine) {
    }

    /** Checks and compiles every rule sheet of one table file; what is wrong is added to {@code errors}. */
    static List<CompiledSheet> compile(String file, byte[] bytes, List<Finding> errors) {
        TableChecks.Checked checked = TableChecks.check(file, bytes);
        if (!checked.errors().isEmpty()) {
            errors.addAll(checked.errors());
            return List.of();
        }
        List<CompiledSheet> compiled = new ArrayList<>();
        for (TableSheet sheet : checked.sheets()) {
            try {
                String drl = file.endsWith(".csv")
                        ? new SpreadsheetCompiler().compile(new ByteArrayInputStream(TableCsv.asMeant(bytes)), InputType.CSV)
                        : new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), sheet.name());
                compiled.add(rename(file, sheet, drl));
            } catch (RuntimeException e) {
                errors.add(Finding.of(sheet.table(), sheet.ref(sheet.head(), sheet.startCol()),
                        "Drools kan ikke læse tabellen: " + e.getMessage(), "Drools cannot read the table: " + e.getMessage()));
            }
        }
        return compiled;
    }

    /** Drools names a sheet's rules "{table} {sheet}_{row}"; we name them "{sheet}_{row}". */
    private static CompiledSheet rename(String file, TableSheet sheet, String drl) {
        List<RuleOrigin> rules = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = RULE_NAME.matcher(drl);
        int last = 0;
        while (m.find()) {
            String name = sheet.name() + "_" + m.group(2);
            out.append(drl, last, m.start()).append("rule \"").append(name).append('"');
            last = m.end();
            int line = (int) out.chars().filter(c -> c == '\n').count() + 1;
            rules.add(new RuleOrigin(name, Integer.parseInt(m.group(2)), line));
        }
        out.append(drl.substring(last));
        return new CompiledSheet(file, sheet.table(), sheet.name(), out.toString(), rules);
    }
}
