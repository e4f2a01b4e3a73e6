package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Facts.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped rule set builds clean, and a table cell or a DRL file that would break it is refused, named. */
class ShippedRuleSetTests {

    private static final String ROUTES = "decision-tables/routes.drl.xlsx";

    @Test
    void theShippedRuleSetBuildsWithoutErrors() {
        RuleSet ruleSet = ShippedPolicy.engine().ruleSet();

        assertThat(ruleSet.fingerprint()).startsWith("sha256:");
        assertThat(ruleSet.sources()).containsKeys("Routes_14", "Routes_22", "RiskTier_20", "ReviewLevels_17",
                "Warnings_21", "Checklist_33", "DataChecklist_20");
        assertThat(ruleSet.source("Routes_14").describe()).isEqualTo(Outcome.row("routes", "Routes", 14));
        assertThat(ruleSet.source("IT system: everything but hardware without software").describe())
                .startsWith("rules/derive/derived-facts.drl, line ");
    }

    @ParameterizedTest
    @MethodSource("variety")
    void everyLineOfTheExplanationNamesItsSource(Facts facts) {
        Evaluation e = ShippedPolicy.evaluate(facts);

        assertThat(e.explanation()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.rule()).isNotBlank();
            assertThat(line.source()).isNotBlank()
                    .matches("(decision-tables/[a-z-]+\\.drl\\.xlsx, sheet \\w+, row \\d+|rules/[a-z/-]+\\.drl, line \\d+)");
            assertThat(line.text().da()).isNotBlank();
            assertThat(line.text().en()).isNotBlank();
        });
        assertThat(e.rulesetFingerprint()).isEqualTo(ShippedPolicy.engine().ruleSet().fingerprint());
    }

    static Stream<Facts> variety() {
        return Stream.concat(Outcome.ROUTES.stream().map(route -> plain().onRoute(route)),
                Stream.of(plain().pupilData().with(f -> {
                    f.dataCategories = Set.of("CPR", "WELLBEING");
                    f.inUse = true;
                    f.free = true;
                    f.alternatives = 1;
                    f.portfolio = "GRANTED";
                    f.permissionValidUntil = Facts.TODAY.minusDays(1);
                })));
    }

    // --- refused before compiling ---

    @Test
    void aDaysCellThatWouldInjectCodeIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "I21", cell -> cell.setCellValue("60); System.exit(1); ("));

        assertThat(rejected.problems()).containsExactly("routes, Routes!I21: '60); System.exit(1); (' "
                + "is not allowed here: write a whole number from 0 to 9999");
    }

    @Test
    void aRouteCellWithAnUnknownRouteNamesTheAllowedRoutes() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "H22", cell -> cell.setCellValue("FAST_LANE"));

        assertThat(rejected.problems()).containsExactly("routes, Routes!H22: 'FAST_LANE' is not one of "
                + "the allowed values: AWAIT_PENDING_ACQUISITION, DATA_AGREEMENT_REQUEST, FAST_TRACK_ACQUISITION, "
                + "FULL_ACQUISITION, NOT_AN_IT_ACQUISITION, NOT_PERMITTED, USE_EXISTING_PERMISSION");
    }

    @Test
    void aTextCellWithAQuoteIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "K22",
                cell -> cell.setCellValue("A full acquisition\"); System.exit(1); //"));

        assertThat(rejected.problems()).singleElement().asString()
                .startsWith("routes, Routes!K22: the text may not contain \"");
    }

    @Test
    void aFormulaCellIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "I22", cell -> cell.setCellFormula("30+30"));

        assertThat(rejected.problems()).containsExactly("routes, Routes!I22: formulas are not allowed (nor references to other files); type the value");
    }

    @Test
    void aBrokenDrlFileIsRefusedNamingTheFileAndLine() {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        String broken = """
                package dk.kk.itassessment.rules.derive;

                import dk.kk.itassessment.policy.facts.*;

                rule "Broken"
                    ruleflow-group "derive"
                when
                    Acquisition( kind == )
                then
                end
                """;
        files.put("rules/derive/derived-facts.drl", broken.getBytes(StandardCharsets.UTF_8));

        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(new RuleFiles(files)).close());

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems()).isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).startsWith("rules/derive/derived-facts.drl, line 8"));
    }

    // --- the template (everything but the data rows) is the project's ---

    @Test
    void aFunctionsSettingBelowTheTableIsRefused() {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        byte[] routes = changed(files.get(ROUTES), "Routes", "B24", cell -> cell.setCellValue("Functions"));
        files.put(ROUTES, changed(routes, "Routes", "C24", cell -> cell.setCellValue("function void boom() { System.exit(1); }")));

        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(new RuleFiles(files)).close());

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems()).contains("routes, Routes!B24: nothing may follow the table's first blank row");
    }

    @Test
    void aFunctionsSettingAboveTheTableIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "A6", cell -> cell.setCellValue("Functions"));

        assertThat(rejected.problems()).singleElement().asString()
                .startsWith("routes, Routes!A6: 'Functions Første række, der passer").contains("is not a setting of the template");
    }

    @Test
    void turningOffFirstMatchIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "C3", cell -> cell.setCellValue("false"));

        assertThat(rejected.problems()).singleElement().asString()
                .startsWith("routes, Routes!B3: 'Sequential false' is not a setting of the template");
    }

    @Test
    void anEditedCodeRowIsRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "I12",
                cell -> cell.setCellValue("route.setDays($param); System.exit(1);"));

        assertThat(rejected.problems()).containsExactly("routes, Routes!I12: the template rows "
                + "(CONDITION/ACTION, fact type, code, label) are the project's and may not change");
    }

    @Test
    void negativeDaysAreRefused() {
        RuleSetRejected rejected = rejectedWith(ROUTES, "Routes", "I21", cell -> cell.setCellValue("-5"));

        assertThat(rejected.problems()).containsExactly("routes, Routes!I21: '-5' is not allowed here: "
                + "write a whole number from 0 to 9999");
    }

    @Test
    void processingDaysMustStayDataAgreementBelowFastTrackBelowFull() {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put(ROUTES, changed(files.get(ROUTES), "Routes", "I21", cell -> cell.setCellValue("70")));

        try (RuleSet ruleSet = new RuleSetCompiler().compile(new RuleFiles(files))) {
            RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class, () -> RuleSetChecks.verify(ruleSet));

            assertThat(rejected).as("FAST_TRACK (70) above FULL (60) was accepted").isNotNull();
            assertThat(rejected.problems()).first().asString()
                    .startsWith("Estimated processing days must be DATA_AGREEMENT_REQUEST < FAST_TRACK_ACQUISITION < "
                            + "FULL_ACQUISITION for the same data; with no personal data they are 10, 70 and 60");
        }
    }

    @Test
    void theShippedProcessingDaysKeepTheirOrder() {
        try (RuleSet ruleSet = new RuleSetCompiler().compile(shipped())) {
            RuleSetChecks.verify(ruleSet);
        }
    }

    private static RuleSetRejected rejectedWith(String file, String sheet, String cell, Consumer<Cell> change) {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put(file, changed(files.get(file), sheet, cell, change));

        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile(new RuleFiles(files)).close());

        assertThat(rejected).as("the rule set was accepted").isNotNull();
        return rejected;
    }

    private static byte[] changed(byte[] workbook, String sheet, String ref, Consumer<Cell> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            CellReference at = new CellReference(ref);
            var rows = book.getSheet(sheet);
            var row = rows.getRow(at.getRow()) == null ? rows.createRow(at.getRow()) : rows.getRow(at.getRow());
            Cell cell = row.getCell(at.getCol());
            change.accept(cell == null ? row.createCell(at.getCol()) : cell);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleFiles shipped() {
        return RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));
    }
}
