package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.policy.Finding;
import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.scenarios.ScenarioRunner;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A table row no golden scenario reaches: a warning naming the row, and an error (the version is not valid) with
 * {@code assessment.rulesets.require-full-coverage=true}.
 */
@IntegrationTest
class CoverageTests {

    @Autowired
    ImpactAnalysis impact;

    @Autowired
    ScenarioRunner scenarios;

    @Test
    void anUncoveredRowIsAWarningOrWithFullCoverageRequiredAnError() {
        Map<String, byte[]> files = new TreeMap<>(RuleFiles.read(Path.of("rules"), Path.of("decision-tables")).files());
        // the scenarios with emotion recognition: the only ones that reach Routes row 16 (not permitted)
        assertThat(files.entrySet().removeIf(file -> file.getKey().contains("/scenarios/")
                && new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8).contains("EMOTION_RECOGNITION"))).isTrue();
        RuleFiles lessCovered = new RuleFiles(files);

        try (VersionChecks.Checked lenient = new VersionChecks(impact, scenarios, false).check(lessCovered, null, null, false)) {
            assertThat(lenient.report().valid()).isTrue();
            assertThat(lenient.report().coverage().uncoveredRows()).contains("decision-tables/routes.drl.xlsx, sheet Routes, row 16");
            Finding warning = lenient.report().warnings().stream().filter(w -> "Routes!A16".equals(w.cell())).findFirst().orElseThrow();
            assertThat(warning.table()).isEqualTo("routes");
            assertThat(warning.cell()).isEqualTo("Routes!A16");
            assertThat(warning.message().da()).contains("række 16");
        }
        try (VersionChecks.Checked strict = new VersionChecks(impact, scenarios, true).check(lessCovered, null, null, false)) {
            assertThat(strict.report().valid()).isFalse();
            assertThat(strict.report().errors()).extracting(Finding::cell).contains("Routes!A16");
        }
    }
}
