package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.SheetVisibility;
import dk.kk.itassessment.support.WorkbookZips;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploads of a workbook that is not just values in a copy of the shipped table: refused before POI reads a cell. */
class HostileWorkbookTests {

    @Test
    void aFormulaIsRefusedAtItsCell() {
        TableChecks.Findings findings = upload(ROUTES, Tables.cell(ROUTES, "Routes!I22", c -> c.setCellFormula("30+30")));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!I22").message().en()).contains("formulas are not allowed");
    }

    @Test
    void aMacroEnabledWorkbookIsRefused() {
        byte[] xlsm = WorkbookZips.change(shipped(), "[Content_Types].xml", types -> types.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));

        TableChecks.Findings findings = upload(ROUTES, xlsm);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("macros");
    }

    @ParameterizedTest(name = "at {0}")
    @ValueSource(strings = {"xl/vbaProject.bin", "xl/code.dat", "docProps/thumbnail.jpeg"})
    void aVbaProjectIsRefusedWhereverItIsStored(String path) {
        byte[] vba = WorkbookZips.withPart(shipped(), path, WorkbookZips.VBA_TYPE, WorkbookZips.VBA_RELATIONSHIP, new byte[] {1, 2, 3});

        TableChecks.Findings findings = upload(ROUTES, vba);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("macros");
    }

    @Test
    void aVbaProjectKnownOnlyByItsContentTypeIsRefused() {
        Map<String, byte[]> parts = WorkbookZips.parts(shipped());
        parts.put("xl/code.dat", new byte[] {1, 2, 3});
        WorkbookZips.declare(parts, "xl/code.dat", WorkbookZips.VBA_TYPE);

        TableChecks.Findings findings = upload(ROUTES, WorkbookZips.zip(parts, null, null));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("macros");
    }

    @Test
    void aPartWithoutAContentTypeIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, WorkbookZips.withEntry(shipped(), "xl/code.dat", new byte[] {1, 2, 3}));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en())
                .contains("not a plain .xlsx workbook").contains("xl/code.dat has no content type");
    }

    @Test
    void aTableFileNamedXlsmIsRefused() {
        TableChecks.Findings findings = TableChecks.check(Tables.with("decision-tables/routes.drl.xlsm", shipped()), null);

        assertThat(FindingAssert.at(findings.errors(), "routes.drl.xlsm", null).message().en()).contains(".drl.xlsx");
    }

    @ParameterizedTest(name = "at {0}")
    @ValueSource(strings = {"xl/externalLinks/externalLink1.xml", "xl/links/l1.xml", "xl/media/image9.png"})
    void anExternalLinkIsRefusedWhereverItIsStored(String path) {
        byte[] linked = WorkbookZips.withPart(shipped(), path, WorkbookZips.LINK_TYPE, WorkbookZips.LINK_RELATIONSHIP, WorkbookZips.EXTERNAL_LINK);

        TableChecks.Findings findings = upload(ROUTES, linked);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("external links");
    }

    @Test
    void anExternalLinkKnownOnlyByItsRelationshipIsRefused() {
        Map<String, byte[]> parts = WorkbookZips.parts(shipped());
        parts.put("xl/links/l1.xml", WorkbookZips.EXTERNAL_LINK);
        WorkbookZips.relate(parts, WorkbookZips.WORKBOOK_RELS, WorkbookZips.LINK_RELATIONSHIP, "links/l1.xml", false);

        TableChecks.Findings findings = upload(ROUTES, WorkbookZips.zip(parts, null, null));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("external links");
    }

    @Test
    void anyOtherRelationshipToAnExternalTargetIsRefused() {
        byte[] image = WorkbookZips.withExternalRelationship(shipped(),
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "https://example.org/pixel.png");

        TableChecks.Findings findings = upload(ROUTES, image);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("external links");
    }

    @Test
    void aHyperlinkToAWebPageMayStay() {
        byte[] linked = WorkbookZips.withExternalRelationship(shipped(),
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", "https://www.kk.dk/");

        assertThat(upload(ROUTES, linked).errors()).isEmpty();
    }

    @Test
    void anEmbeddedObjectIsRefused() {
        byte[] ole = WorkbookZips.withPart(shipped(), "xl/embeddings/oleObject1.bin",
                "application/vnd.openxmlformats-officedocument.oleObject",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject", new byte[] {1, 2, 3});

        TableChecks.Findings findings = upload(ROUTES, ole);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("embedded objects");
    }

    @Test
    void aHiddenRuleSheetIsRefusedAtItsRuleTable() {
        byte[] hidden = Tables.workbook(ROUTES, book -> {
            book.createSheet("Guide").createRow(0).createCell(0).setCellValue("How to read this table");
            book.setActiveSheet(1);
            book.setSheetVisibility(0, SheetVisibility.HIDDEN);
        });

        TableChecks.Findings findings = upload(ROUTES, hidden);

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!B9").message().en()).contains("hidden");
    }

    @Test
    void aVeryHiddenRuleSheetIsRefusedToo() {
        byte[] hidden = Tables.workbook(ROUTES, book -> {
            book.createSheet("Guide");
            book.setActiveSheet(1);
            book.setSheetVisibility(0, SheetVisibility.VERY_HIDDEN);
        });

        FindingAssert.at(upload(ROUTES, hidden).errors(), "routes", "Routes!B9");
    }

    @Test
    void aHiddenNotesSheetWithoutARuleTableMayStay() {
        byte[] notes = Tables.workbook(ROUTES, book -> {
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("Changed on the board's advice");
            book.setSheetVisibility(1, SheetVisibility.HIDDEN);
        });

        assertThat(upload(ROUTES, notes).errors()).isEmpty();
    }

    @Test
    void aFileOverFiveMebibytesIsRefused() {
        byte[] noise = new byte[(int) RuleFiles.MAX_FILE_BYTES];
        new Random(1).nextBytes(noise);

        TableChecks.Findings findings = upload(ROUTES, WorkbookZips.withEntry(shipped(), "xl/media/noise.bin", noise));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("at most 5 MiB");
    }

    @Test
    void aZipBombIsRefusedAndPoisOwnProtectionStaysOn() {
        byte[] bomb = WorkbookZips.withEntry(shipped(), "xl/media/image1.png", new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan((int) RuleFiles.MAX_FILE_BYTES);

        TableChecks.Findings findings = upload(ROUTES, bomb);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("zip bomb");
        assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
        assertThatThrownBy(() -> new XSSFWorkbook(new ByteArrayInputStream(bomb)).close())
                .hasMessageContaining("Zip bomb");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, "RuleSet,routes\n".getBytes(StandardCharsets.UTF_8));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("not an .xlsx workbook");
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        FindingAssert.at(upload(ROUTES, out.toByteArray()).errors(), "routes", null);
    }

    private static byte[] shipped() {
        return Tables.shipped().files().get(ROUTES);
    }
}
