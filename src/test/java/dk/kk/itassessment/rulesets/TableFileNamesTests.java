package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An uploaded table is told by its name leniently: the marks browsers and file managers add, any case, no .drl. */
class TableFileNamesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "routes.drl.xlsx|routes.drl.xlsx",
            "routes.drl (1).xlsx|routes.drl.xlsx",
            "routes (2).drl.xlsx|routes.drl.xlsx",
            "Routes.drl.xlsx|routes.drl.xlsx",
            "ROUTES.DRL.XLSX|routes.drl.xlsx",
            "routes.xlsx|routes.drl.xlsx",
            "routes(3).xlsx|routes.drl.xlsx",
            "routes.drl - Copy.xlsx|routes.drl.xlsx",
            "routes.drl kopi 2.xlsx|routes.drl.xlsx",
            "C:\\Users\\anna\\Downloads\\routes.drl (1).xlsx|routes.drl.xlsx",
            "data-protection.drl.csv|data-protection.drl.csv",
            " Data-Protection.drl (1).CSV |data-protection.drl.csv"})
    void aTableIsToldByItsNameLeniently(String uploaded, String stored) {
        assertThat(TableFileNames.parse(uploaded)).hasValueSatisfying(file -> assertThat(file.fileName()).isEqualTo(stored));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"routes.drl.xlsm", "routes.drl.xls", "routes", "(1).xlsx", "1routes.xlsx", "rou tes.drl.xlsx",
            "routes.drl.xlsx.exe", ".drl.xlsx"})
    void otherFilesAreNoTables(String uploaded) {
        assertThat(TableFileNames.parse(uploaded)).isEmpty();
    }
}
