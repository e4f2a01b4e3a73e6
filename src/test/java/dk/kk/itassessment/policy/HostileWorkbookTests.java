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
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Uploads of a workbook that is not just values in a copy of the shipped table: refused before POI reads a cell. */
class HostileWorkbookTests {

    @Test
    void aFormulaIsRefusedAtItsCell() {
        TableChecks.Findings findings = upload(ROUTES, Tables.cell(ROUTES, "Routes!I22", c -> c.setCellFormula("30+30")));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!I22").message().en()).contains("formulas are not allowed");
    }

    @Test
    void aMacroEnabledWorkbookIsRefused() {
        byte[] xlsm = rezip(shipped(), "[Content_Types].xml", types -> types.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml"), null, null);

        TableChecks.Findings findings = upload(ROUTES, xlsm);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("macros");
    }

    @Test
    void aVbaProjectIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, withEntry("xl/vbaProject.bin", new byte[] {1, 2, 3}));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("macros");
    }

    @Test
    void aTableFileNamedXlsmIsRefused() {
        TableChecks.Findings findings = TableChecks.check(Tables.with("decision-tables/routes.drl.xlsm", shipped()), null);

        assertThat(FindingAssert.at(findings.errors(), "routes.drl.xlsm", null).message().en()).contains(".drl.xlsx");
    }

    @Test
    void anExternalLinkIsRefused() {
        byte[] linked = withEntry("xl/externalLinks/externalLink1.xml",
                "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes(StandardCharsets.UTF_8));

        TableChecks.Findings findings = upload(ROUTES, linked);

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("external links");
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

        TableChecks.Findings findings = upload(ROUTES, withEntry("xl/media/noise.bin", noise));

        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("at most 5 MiB");
    }

    @Test
    void aZipBombIsRefusedAndPoisOwnProtectionStaysOn() {
        byte[] bomb = withEntry("xl/media/image1.png", new byte[50 * 1024 * 1024]);
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

    private static byte[] withEntry(String name, byte[] content) {
        return rezip(shipped(), null, null, name, content);
    }

    /** The shipped routes table re-zipped, with one part's text changed and/or one part added. */
    private static byte[] rezip(byte[] xlsx, String changedPart, java.util.function.UnaryOperator<String> change,
                                String addedPart, byte[] added) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(changedPart)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
            }
            if (addedPart != null) {
                zip.putNextEntry(new ZipEntry(addedPart));
                zip.write(added);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
