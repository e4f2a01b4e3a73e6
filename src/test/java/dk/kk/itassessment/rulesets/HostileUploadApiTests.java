package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.WorkbookZips;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hostile uploads through the API: each is refused — a file that is not a plain workbook with 422 and nothing
 * stored, a workbook with a forbidden cell as a draft that is not valid, naming the cell — and the active version
 * keeps deciding. (The checks themselves, one by one: policy/Hostile*Tests, TableAnalysisTests.)
 */
@IntegrationTest
class HostileUploadApiTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    private Drafts drafts;
    private String active;
    private byte[] routes;

    @BeforeEach
    void readTheActiveRoutes() {
        drafts = new Drafts(api);
        active = drafts.active().get("id").asString();
        routes = drafts.table(active, "routes");
    }

    /** A hostile change of the routes table, and the cell (null: the whole file) its refusal names. */
    static Stream<Arguments> cellsThatAreNotValues() {
        return Stream.of(
                Arguments.of("a formula", (Function<byte[], byte[]>) b -> workbook(b, book ->
                        book.getSheet("Routes").getRow(21).getCell(8).setCellFormula("30+30")), "Routes!I22", "formula"),
                Arguments.of("an unknown route", edit("Routes!H21", "FAST_LANE"), "Routes!H21", "FAST_TRACK_ACQUISITION"),
                Arguments.of("text breaking out of its literal", edit("Routes!K22", "\"); System.exit(0); //"), "Routes!K22", "\""),
                Arguments.of("code in a number column", edit("Routes!I22", "1; insert(new Object())"), "Routes!I22", "whole number"),
                Arguments.of("a changed code row", edit("Routes!I12", "route.setDays($param); System.exit(0);"), "Routes!I12", null),
                Arguments.of("a Functions entry", edit("Routes!B6", "Functions"), "Routes!B6", null),
                Arguments.of("a hidden rule sheet", (Function<byte[], byte[]>) b -> workbook(b, book -> {
                    book.createSheet("Guide").createRow(0).createCell(0).setCellValue("How to read the table");
                    book.setActiveSheet(1);
                    book.setSheetVisibility(0, SheetVisibility.HIDDEN);
                }), "Routes!B9", "hidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cellsThatAreNotValues")
    void aForbiddenCellMakesAnInvalidDraftNamingTheCell(String what, Function<byte[], byte[]> change, String cell, String says) {
        Api.Response uploaded = drafts.uploadTable("routes.drl.xlsx", change.apply(routes), what);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode draft = uploaded.json();
        assertThat(draft.get("valid").asBoolean()).isFalse();
        JsonNode finding = finding(draft.get("report").get("errors"), cell);
        assertThat(finding.get("table").asString()).isEqualTo("routes");
        assertThat(finding.get("message").get("da").asString()).isNotBlank();
        if (says != null) {
            assertThat(finding.get("message").get("en").asString()).contains(says);
        }
        assertThat(drafts.officer().post("/api/v1/rulesets/" + draft.get("id").asString() + "/activate", "").status())
                .isEqualTo(409);
        assertTheActiveVersionStillDecides();
    }

    static Stream<Arguments> filesThatAreNotPlainWorkbooks() {
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(noise);
        return Stream.of(
                Arguments.of("a macro project", (Function<byte[], byte[]>) b -> WorkbookZips.withPart(b, "xl/vbaProject.bin",
                        WorkbookZips.VBA_TYPE, WorkbookZips.VBA_RELATIONSHIP, new byte[] {1, 2, 3}), "macros"),
                Arguments.of("a macro project stored as xl/code.dat", (Function<byte[], byte[]>) b -> WorkbookZips.withPart(b,
                        "xl/code.dat", WorkbookZips.VBA_TYPE, WorkbookZips.VBA_RELATIONSHIP, new byte[] {1, 2, 3}), "macros"),
                Arguments.of("an external link", (Function<byte[], byte[]>) b -> WorkbookZips.withPart(b,
                        "xl/externalLinks/externalLink1.xml", WorkbookZips.LINK_TYPE, WorkbookZips.LINK_RELATIONSHIP, WorkbookZips.EXTERNAL_LINK), "external links"),
                Arguments.of("an external link stored as xl/links/l1.xml", (Function<byte[], byte[]>) b -> WorkbookZips.withPart(b,
                        "xl/links/l1.xml", WorkbookZips.LINK_TYPE, WorkbookZips.LINK_RELATIONSHIP, WorkbookZips.EXTERNAL_LINK), "external links"),
                Arguments.of("a part without a content type", (Function<byte[], byte[]>) b -> WorkbookZips.withEntry(b,
                        "xl/code.dat", new byte[] {1, 2, 3}), "has no content type"),
                Arguments.of("a zip bomb", (Function<byte[], byte[]>) b -> WorkbookZips.withEntry(b, "xl/media/image1.png", new byte[50 * 1024 * 1024]), "zip bomb"),
                Arguments.of("not a workbook", (Function<byte[], byte[]>) b -> "RuleSet,x\n".getBytes(StandardCharsets.UTF_8), "not an .xlsx"),
                Arguments.of("noise in a workbook", (Function<byte[], byte[]>) b -> WorkbookZips.withEntry(b, "xl/media/noise.bin", noise), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatAreNotPlainWorkbooks")
    void aFileThatIsNotAPlainWorkbookIsRefusedAndNothingIsStored(String what, Function<byte[], byte[]> change, String says) {
        long versions = versions();
        byte[] hostile = change.apply(routes);

        Api.Response uploaded = drafts.uploadTable("routes.drl.xlsx", hostile, what);

        if (says == null) { // a workbook that is merely large and random: no rule of the guard, but it is still checked
            assertThat(uploaded.status()).isIn(201, 422);
            return;
        }
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(422);
        assertThat(uploaded.contentType()).startsWith("application/problem+json");
        JsonNode finding = uploaded.json().get("errors").get(0);
        assertThat(finding.get("table").asString()).isEqualTo("routes");
        assertThat(finding.get("message").get("en").asString()).contains(says);
        assertThat(finding.get("message").get("da").asString()).isNotBlank();
        assertThat(versions()).isEqualTo(versions);
        assertTheActiveVersionStillDecides();
    }

    @Test
    void aFileOverFiveMebibytesIsRefusedAndNothingIsStored() {
        long versions = versions();
        byte[] noise = new byte[5 * 1024 * 1024 + 1];
        new Random(2).nextBytes(noise);

        Api.Response uploaded = drafts.uploadTable("routes.drl.xlsx", noise, "too large");

        assertThat(uploaded.status()).isIn(400, 413);
        assertThat(uploaded.text()).contains("5 MiB");
        assertThat(versions()).isEqualTo(versions);
        assertTheActiveVersionStillDecides();
    }

    @Test
    void aMacroWorkbookByNameOrAnUnknownTableIsRefusedNamingThePart() {
        long versions = versions();

        Api.Response xlsm = drafts.uploadTable("routes.drl.xlsm", routes, null);
        Api.Response unknown = drafts.uploadTable("fast-lanes.drl.xlsx", routes, null);
        Api.Response none = Drafts.upload(drafts.officer(), null, "nothing", Map.of());

        assertThat(xlsm.status()).isEqualTo(400);
        assertThat(xlsm.json().get("errors").get(0).get("field").asString()).isEqualTo("table");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("no table fast-lanes");
        assertThat(none.status()).isEqualTo(400);
        assertThat(versions()).isEqualTo(versions);
    }

    @Test
    void theSameFilesAsAStoredVersionAreAConflict() {
        Api.Response same = drafts.uploadTable("routes.drl.xlsx", routes, "no change");

        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("detail").asString()).contains("version " + active);
    }

    private void assertTheActiveVersionStillDecides() {
        assertThat(drafts.active().get("id").asString()).isEqualTo(active);
        Api.Response assessed = api.as(Role.REQUESTER).post("/api/v1/assessments", Examples.request());
        assertThat(assessed.status()).isEqualTo(201);
        assertThat(assessed.json().get("ruleset").get("version").asString()).isEqualTo(active);
    }

    private long versions() {
        return jdbc.sql("select count(*) from rule_set_versions").query(Long.class).single();
    }

    private static JsonNode finding(JsonNode errors, String cell) {
        for (JsonNode finding : errors) {
            if (cell.equals(finding.path("cell").asString(null))) {
                return finding;
            }
        }
        throw new AssertionError("no finding at " + cell + " in " + errors);
    }

    private static Function<byte[], byte[]> edit(String cell, String value) {
        return b -> Drafts.edit(b, Map.of(cell, value));
    }

    private static byte[] workbook(byte[] xlsx, java.util.function.Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
