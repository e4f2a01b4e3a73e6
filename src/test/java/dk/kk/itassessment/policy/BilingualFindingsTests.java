package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.CHECKLIST;
import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.kk.itassessment.support.WorkbookZips;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding an officer can get says it in Danish and in English: one hostile or broken input for each check
 * there is (the file, its parts and limits, its cells, the template, the values, what the rows say together, the
 * build and the rules every rule set keeps), and every finding each produces must have a Danish text that is not
 * the English one.
 */
class BilingualFindingsTests {

    private static final String PROTECTION = "decision-tables/data-protection.drl.xlsx";
    private static final String CSV = "decision-tables/extra.drl.csv";

    static Stream<Arguments> inputs() {
        List<Arguments> inputs = new ArrayList<>();
        // the file and its parts
        add(inputs, "over 5 MiB", () -> guard(ROUTES, random(5 * 1024 * 1024 + 1)));
        add(inputs, "not a zip", () -> guard(ROUTES, "RuleSet,x".getBytes(StandardCharsets.UTF_8)));
        add(inputs, "a zip without a workbook", () -> guard(ROUTES, WorkbookZips.zip(Map.of("readme.txt", new byte[1]), null, null)));
        add(inputs, "macros", () -> guard(ROUTES, WorkbookZips.withPart(routes(), "xl/code.dat", WorkbookZips.VBA_TYPE,
                WorkbookZips.VBA_RELATIONSHIP, new byte[1])));
        add(inputs, "an external link", () -> guard(ROUTES, WorkbookZips.withPart(routes(), "xl/links/l1.xml",
                WorkbookZips.LINK_TYPE, WorkbookZips.LINK_RELATIONSHIP, WorkbookZips.EXTERNAL_LINK)));
        add(inputs, "an embedded object", () -> guard(ROUTES, WorkbookZips.withPart(routes(), "xl/embeddings/o.bin",
                "application/vnd.openxmlformats-officedocument.oleObject",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject", new byte[1])));
        add(inputs, "a part without a content type", () -> guard(ROUTES, WorkbookZips.withEntry(routes(), "xl/x.dat", new byte[1])));
        add(inputs, "a zip bomb", () -> guard(ROUTES, WorkbookZips.withEntry(routes(), "docProps/x.xml", new byte[20 << 20])));
        add(inputs, "a part over 4 MiB", () -> guard(ROUTES, WorkbookZips.withEntry(routes(), "docProps/x.xml", TableLimitsTests.noise(5 << 20))));
        add(inputs, "over 1000 parts", () -> {
            Map<String, byte[]> parts = WorkbookZips.parts(routes());
            for (int i = 0; i <= 1000; i++) {
                parts.put("docProps/p" + i + ".xml", new byte[0]);
            }
            return guard(ROUTES, WorkbookZips.zip(parts, null, null));
        });
        add(inputs, "a part that is not XML", () -> guard(ROUTES, WorkbookZips.change(routes(), "xl/worksheets/sheet1.xml", x -> "<<")));
        add(inputs, "rows without their numbers", () -> guard(ROUTES, WorkbookZips.change(routes(), "xl/worksheets/sheet1.xml",
                x -> x.replace("<row r=\"2\"", "<row"))));
        add(inputs, "a text the file does not hold", () -> guard(ROUTES, WorkbookZips.change(routes(), "xl/worksheets/sheet1.xml",
                x -> x.replaceFirst("<v>0</v>", "<v>99999</v>"))));
        add(inputs, "a cell of unknown type", () -> guard(ROUTES, WorkbookZips.change(routes(), "xl/worksheets/sheet1.xml",
                x -> x.replaceFirst("t=\"s\"", "t=\"d\""))));
        add(inputs, "two sheets of one name", () -> guard(PROTECTION, WorkbookZips.change(shipped(PROTECTION), "xl/workbook.xml",
                x -> x.replace("name=\"ReviewLevels\"", "name=\"RiskTier\""))));
        add(inputs, "a row below 1000", () -> guard(ROUTES, Tables.text(ROUTES, "Routes!A1500", "x")));
        add(inputs, "a column right of CV", () -> guard(ROUTES, Tables.text(ROUTES, "Routes!DA1", "x")));
        add(inputs, "over 20000 cells", () -> guard(ROUTES, Tables.workbook(ROUTES, book -> {
            var notes = book.createSheet("Notes");
            for (int r = 0; r < 210; r++) {
                var row = notes.createRow(r);
                for (int c = 0; c < 99; c++) {
                    row.createCell(c);
                }
            }
        })));
        add(inputs, "over 500 merged regions", () -> guard(ROUTES, Tables.workbook(ROUTES, book -> {
            var notes = book.createSheet("Notes");
            for (int r = 0; r < 501; r++) {
                notes.createRow(r).createCell(0);
                notes.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, 1));
            }
        })));
        add(inputs, "CSV: not UTF-8", () -> guard(CSV, new byte[] {'a', (byte) 0xC3, '\n'}));
        add(inputs, "CSV: a control character", () -> guard(CSV, new byte[] {'a', 7, '\n'}));
        add(inputs, "CSV: over 1000 lines", () -> guard(CSV, "a\n".repeat(1002).getBytes(StandardCharsets.UTF_8)));
        add(inputs, "CSV: over 100 cells", () -> guard(CSV, ",".repeat(101).getBytes(StandardCharsets.UTF_8)));
        // cells as read
        add(inputs, "a formula", () -> errors(ROUTES, Tables.cell(ROUTES, "Routes!I22", c -> c.setCellFormula("1+1"))));
        add(inputs, "an error value", () -> errors(ROUTES, Tables.cell(ROUTES, "Routes!I22", c -> c.setCellErrorValue(FormulaError.DIV0.getCode()))));
        add(inputs, "a fraction", () -> errors(ROUTES, Tables.cell(ROUTES, "Routes!I22", c -> c.setCellValue(1.5))));
        add(inputs, "a date", () -> errors(ROUTES, Tables.workbook(ROUTES, book -> {
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("d-mmm-yy"));
            var cell = book.getSheet("Routes").getRow(21).getCell(8);
            cell.setCellValue(60);
            cell.setCellStyle(style);
        })));
        add(inputs, "a number format that cannot be read", () -> errors(ROUTES, WorkbookZips.change(
                Tables.cell(ROUTES, "Routes!I22", c -> c.setCellValue(60)), "xl/worksheets/sheet1.xml",
                x -> x.replaceFirst("(<c r=\"I22\"[^>]*?) s=\"\\d+\"", "$1 s=\"999\""))));
        // the template
        add(inputs, "a rule sheet's name", () -> errors(ROUTES, Tables.workbook(ROUTES, book -> book.setSheetName(0, "Ruter og mere"))));
        add(inputs, "the RuleTable's name", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!B9", "RuleTable Routes!")));
        add(inputs, "a value beside the table", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!L14", "x")));
        add(inputs, "a value below the table", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!B25", "x")));
        add(inputs, "a Functions entry", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!B6", "Functions")));
        add(inputs, "a label with a line break", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!C13", "a\nb")));
        add(inputs, "no columns", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!B10", "")));
        add(inputs, "a changed code row", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!I12", "route.setDays($param); x();")));
        add(inputs, "another well-formed code", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!C12", "forall(&&){portfolio != \"$\"}")));
        add(inputs, "a changed setting", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!C4", "Other")));
        add(inputs, "an unknown table", () -> TableChecks.check(Tables.with("decision-tables/extra.drl.xlsx", routes()),
                Tables.shipped()).errors());
        add(inputs, "an .xlsm table", () -> TableChecks.check(Tables.with("decision-tables/routes.drl.xlsm", routes()), null).errors());
        add(inputs, "a hidden rule sheet", () -> errors(ROUTES, Tables.workbook(ROUTES, book -> {
            book.createSheet("Guide");
            book.setActiveSheet(1);
            book.setSheetVisibility(0, SheetVisibility.HIDDEN);
        })));
        add(inputs, "no rule table", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!B9", "Rules")));
        // the values and what the rows say together
        add(inputs, "an unknown value", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!H22", "FAST_LANE")));
        add(inputs, "an empty value in a list", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!C15", "REFUSED,,REVOKED")));
        add(inputs, "a flag", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!G20", "yes")));
        add(inputs, "a number", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!I22", "60 days")));
        add(inputs, "a code", () -> errors(CHECKLIST, Tables.text(CHECKLIST, "Checklist!J12", "not a code")));
        add(inputs, "too long a text", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!K22", "x".repeat(1001))));
        add(inputs, "a quote in a text", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!K22", "\"")));
        add(inputs, "a control character in a text", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!K22", "a\tb")));
        add(inputs, "a conflict", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!E18", "true")));
        add(inputs, "a gap", () -> errors(ROUTES, Tables.text(ROUTES, "Routes!D22", "NONE")));
        add(inputs, "an unreachable row", () -> upload(ROUTES, Tables.texts(ROUTES,
                Map.of("Routes!C20", "GRANTED", "Routes!D20", "", "Routes!E20", "false", "Routes!G20", ""))).warnings());
        // the build, and what every rule set keeps
        add(inputs, "a row that does not compile", () -> rejected(CsvTableTests.withTable(CsvTableTests.table("BROWSER_EXTENSION")
                .replace("\"kind == \"\"$param\"\"\"", "noSuchField == $param").replace("BROWSER_EXTENSION,BROWSER", "true,BROWSER"))));
        add(inputs, "a DRL file that does not compile", () -> rejected(Tables.with("rules/derive/broken.drl",
                "package x;\nrule \"Broken\"\nwhen\n  Nothing( kind == )\nthen\nend\n".getBytes(StandardCharsets.UTF_8))));
        add(inputs, "a rule name used twice", () -> rejected(Tables.with("rules/derive/twice.drl",
                "package x;\nrule \"Routes_22\"\nwhen\nthen\nend\n".getBytes(StandardCharsets.UTF_8))));
        add(inputs, "processing days out of order", () -> {
            try (RuleSet ruleSet = new RuleSetCompiler().compile(Tables.with(ROUTES, Tables.text(ROUTES, "Routes!I21", "70")))) {
                return catchThrowableOfType(RuleSetRejected.class, () -> RuleSetChecks.verify(ruleSet)).findings();
            }
        });
        add(inputs, "a problem described in English only", () -> new RuleSetRejected(List.of("The folder x does not exist")).findings());
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyFindingIsInDanishAndEnglish(String what, Supplier<List<Finding>> findings) {
        List<Finding> found = findings.get();

        assertThat(found).as(what).isNotEmpty();
        assertThat(found).allSatisfy(finding -> {
            assertThat(finding.message().da()).as(finding.describe()).isNotBlank().isNotEqualTo(finding.message().en());
            assertThat(finding.message().en()).isNotBlank();
        });
    }

    private static void add(List<Arguments> inputs, String what, Supplier<List<Finding>> findings) {
        inputs.add(Arguments.of(what, findings));
    }

    private static List<Finding> guard(String path, byte[] bytes) {
        return TableChecks.guard(path, bytes);
    }

    private static List<Finding> errors(String path, byte[] bytes) {
        return upload(path, bytes).errors();
    }

    private static List<Finding> rejected(RuleFiles files) {
        return catchThrowableOfType(RuleSetRejected.class, () -> new RuleSetCompiler().compile(files).close()).findings();
    }

    private static byte[] routes() {
        return shipped(ROUTES);
    }

    private static byte[] shipped(String path) {
        return Tables.shipped().files().get(path);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
