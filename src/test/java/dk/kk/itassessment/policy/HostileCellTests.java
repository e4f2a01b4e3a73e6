package dk.kk.itassessment.policy;

import static dk.kk.itassessment.policy.Tables.ROUTES;
import static dk.kk.itassessment.policy.Tables.text;
import static dk.kk.itassessment.policy.Tables.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Officers edit values, never code: an upload that changes the template or puts code in a cell is refused, named. */
class HostileCellTests {

    @Test
    void aChangedCodeRowIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!I12", "route.setDays($param); System.exit(1);"));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!I12").message().en()).contains("template");
    }

    @Test
    void aCodeRowChangedToAnotherWellFormedCodeDiffersFromTheShippedTemplate() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!C12", "forall(&&){portfolio != \"$\"}"));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!C12").message().en())
                .contains("here belongs 'forall(||){portfolio == \"$\"}'");
    }

    @Test
    void aChangedColumnLabelIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!C13", "FISKK-status (ingen af) / Portfolio permission (none of)"));

        FindingAssert.at(findings.errors(), "routes", "Routes!C13");
    }

    @Test
    void aChangedActivationGroupIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!C4", "Other"));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!B4").message().en())
                .contains("here belongs 'ACTIVATION-GROUP Routes'");
    }

    @Test
    void aFunctionsEntryIsRefused() {
        byte[] routes = Tables.texts(ROUTES, Map.of("Routes!A6", "Functions", "Routes!B6", "function void boom() { System.exit(1); }"));

        TableChecks.Findings findings = upload(ROUTES, routes);

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!A6").message().en()).contains("'Functions function void");
    }

    @Test
    void aVariablesEntryIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!B6", "Variables"));

        FindingAssert.at(findings.errors(), "routes", "Routes!B6");
    }

    @Test
    void aSettingHiddenBesideANoteIsFoundToo() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!A7", "Functions"));

        FindingAssert.at(findings.errors(), "routes", "Routes!A7");
    }

    @Test
    void anUnknownValueNamesTheAllowedOnes() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!H22", "FAST_LANE"));

        Finding finding = FindingAssert.at(findings.errors(), "routes", "Routes!H22");
        assertThat(finding.message().en()).isEqualTo("'FAST_LANE' is not one of the allowed values: AWAIT_PENDING_ACQUISITION, "
                + "DATA_AGREEMENT_REQUEST, FAST_TRACK_ACQUISITION, FULL_ACQUISITION, NOT_AN_IT_ACQUISITION, NOT_PERMITTED, "
                + "USE_EXISTING_PERMISSION");
        assertThat(finding.message().da()).startsWith("'FAST_LANE' er ikke en af de tilladte værdier: AWAIT_PENDING_ACQUISITION");
    }

    @Test
    void anUnknownValueInAListIsRefused() {
        FindingAssert.at(upload(ROUTES, text(ROUTES, "Routes!C15", "REFUSED, GONE")).errors(), "routes", "Routes!C15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"); System.exit(0); //", "A\\\"); System.exit(0); //", "A\\u0022); System.exit(0); //",
            "line\nbreak", "tab\there"})
    void textThatWouldBreakOutOfItsStringLiteralNeverReachesDrools(String value) {
        RuleFiles files = Tables.with(ROUTES, text(ROUTES, "Routes!K22", value));

        FindingAssert.at(upload(ROUTES, files.files().get(ROUTES)).errors(), "routes", "Routes!K22");
        RuleSetRejected rejected = catchThrowableOfType(RuleSetRejected.class, () -> new RuleSetCompiler().compile(files).close());
        assertThat(rejected.findings()).singleElement().satisfies(f -> assertThat(f.cell()).isEqualTo("Routes!K22"));
    }

    @Test
    void tooLongTextIsRefused() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!K22", "x".repeat(1001)));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!K22").message().en()).contains("at most 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1; insert(new RouteChoice(\"X\", \"y\"))", "60); System.exit(1); (", "-5", "10000", "1e3"})
    void aNumberColumnTakesOnlyAWholeNumberInItsRange(String value) {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!I22", value));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!I22").message().en())
                .endsWith("write a whole number from 0 to 9999");
    }

    @Test
    void aFlagColumnTakesOnlyTrueOrFalse() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!G20", "true || true"));

        assertThat(FindingAssert.at(findings.errors(), "routes", "Routes!G20").message().en()).endsWith("write true or false");
    }

    @Test
    void aTableTheBaseDoesNotHaveIsRefused() {
        TableChecks.Findings findings = upload("decision-tables/extra.drl.xlsx", Tables.shipped().files().get(ROUTES));

        assertThat(FindingAssert.at(findings.errors(), "extra", null).message().en()).contains("no table of this name");
    }

    @Test
    void aRenamedRuleSheetIsRefused() {
        byte[] renamed = Tables.workbook(ROUTES, book -> book.setSheetName(0, "Routing"));

        TableChecks.Findings findings = upload(ROUTES, renamed);

        FindingAssert.at(findings.errors(), "routes", "Routing!B9");
        assertThat(FindingAssert.at(findings.errors(), "routes", null).message().en()).contains("'Routes'");
    }

    @Test
    void changedDataRowsAreWhatAnUploadMayChange() {
        TableChecks.Findings findings = upload(ROUTES, text(ROUTES, "Routes!K22", "A new solution: a full IT acquisition, as the board decided."));

        assertThat(findings.errors()).isEmpty();
    }
}
