package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped tables saved back by LibreOffice (which keeps the layout) and by openpyxl (which keeps the merged
 * regions but drops the hidden copies in them) are accepted: the template is compared as Drools reads it.
 */
class SavedTablesTests {

    static final Path SAVED = Path.of("src/test/resources/tables");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"routes-saved-by-libreoffice.drl.xlsx, decision-tables/routes.drl.xlsx",
            "data-protection-saved-by-libreoffice.drl.xlsx, decision-tables/data-protection.drl.xlsx",
            "routes-saved-by-openpyxl.drl.xlsx, decision-tables/routes.drl.xlsx"})
    void aTableSavedByAnotherProgramIsAccepted(String file, String table) throws Exception {
        TableChecks.Findings findings = Tables.upload(table, Files.readAllBytes(SAVED.resolve(file)));

        assertThat(findings.errors()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    @Test
    void openpyxlDropsTheHiddenCopiesOfAMergedRegionAndDroolsReadsTheSheetAsBefore() throws Exception {
        byte[] openpyxl = Files.readAllBytes(SAVED.resolve("routes-saved-by-openpyxl.drl.xlsx"));
        byte[] libreOffice = Files.readAllBytes(SAVED.resolve("routes-saved-by-libreoffice.drl.xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(openpyxl))) {
            XSSFSheet routes = book.getSheet("Routes");
            assertThat(routes.getMergedRegions()).extracting(Object::toString).anyMatch(r -> r.contains("B11:E11"));
            assertThat(routes.getRow(10).getCell(1).getStringCellValue()).isEqualTo("Profile");
            assertThat(routes.getRow(10).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
        }

        assertThat(TableLayoutTests.drl(openpyxl, "Routes")).isEqualTo(TableLayoutTests.drl(libreOffice, "Routes"));
    }

    @Test
    void libreOfficeKeepsTheDropdownsAndThePrintSetUp() throws Exception {
        byte[] saved = Files.readAllBytes(SAVED.resolve("data-protection-saved-by-libreoffice.drl.xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(saved))) {
            for (TableSheet table : TableLayoutTests.ruleSheets("decision-tables/data-protection.drl.xlsx", saved)) {
                XSSFSheet sheet = book.getSheet(table.name());
                assertThat(sheet.getDataValidations()).as(table.name()).hasSize(table.columns().size());
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getRepeatingRows()).isNotNull();
            }
        }
    }
}
