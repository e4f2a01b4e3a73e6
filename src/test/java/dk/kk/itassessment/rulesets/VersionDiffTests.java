package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.policy.RuleFiles;
import dk.kk.itassessment.policy.TableChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The diff of two versions, without Spring: the shipped files against themselves (identical), with one cell changed
 * (exactly that cell, old → new), with a row added (one added row, not every row below changed) and with a
 * scenario's expectation changed.
 */
class VersionDiffTests {

    private static final String ROUTES = "decision-tables/routes.drl.xlsx";
    private static final RuleFiles SHIPPED = RuleFiles.read(Path.of("rules"), Path.of("decision-tables"));

    @Test
    void theSameFilesAreIdentical() {
        VersionDiff diff = VersionDiff.of(SHIPPED, SHIPPED);

        assertThat(diff.identical()).isTrue();
    }

    @Test
    void aChangedCellIsTheOnlyChangeShownOldToNew() {
        TableChecks.RuleSheet routes = routes(SHIPPED);
        TableChecks.RuleRow row = routes.rows().get(routes.rows().size() / 2);
        int days = routes.labels().indexOf(daysLabel(routes));
        String ref = "Routes!" + org.apache.poi.ss.util.CellReference.convertNumToColString(routes.columns().get(days)) + row.row();
        String old = row.values().get(days);

        VersionDiff diff = VersionDiff.of(SHIPPED, with(ROUTES, Drafts.edit(SHIPPED.files().get(ROUTES), Map.of(ref, 99))));

        assertThat(diff.identical()).isFalse();
        assertThat(diff.scenarios()).isEmpty();
        assertThat(diff.rules()).isEmpty();
        assertThat(diff.tables()).singleElement().satisfies(table -> {
            assertThat(table.table()).isEqualTo("routes");
            VersionDiff.SheetDiff sheet = table.sheets().get(0);
            assertThat(sheet.added()).isEmpty();
            assertThat(sheet.removed()).isEmpty();
            assertThat(sheet.changed()).singleElement().satisfies(changed -> {
                assertThat(changed.anchor()).isEqualTo("Routes-" + row.row());
                assertThat(changed.cells()).containsExactly(new VersionDiff.CellChange(routes.labels().get(days), ref, old, "99"));
            });
        });
    }

    @Test
    void aRowInsertedIsOneAddedRow() {
        TableChecks.RuleSheet routes = routes(SHIPPED);
        TableChecks.RuleRow last = routes.rows().get(routes.rows().size() - 1);
        Map<String, Object> cells = new TreeMap<>();
        for (int c = 0; c < routes.columns().size(); c++) {
            String value = last.values().get(c);
            if (!value.isEmpty()) {
                cells.put("Routes!" + org.apache.poi.ss.util.CellReference.convertNumToColString(routes.columns().get(c))
                        + (last.row() + 1), value);
            }
        }

        VersionDiff diff = VersionDiff.of(SHIPPED, with(ROUTES, Drafts.edit(SHIPPED.files().get(ROUTES), cells)));

        VersionDiff.SheetDiff sheet = diff.tables().get(0).sheets().get(0);
        assertThat(sheet.changed()).isEmpty();
        assertThat(sheet.removed()).isEmpty();
        assertThat(sheet.added()).singleElement().satisfies(row -> assertThat(row.row()).isEqualTo(last.row() + 1));
    }

    @Test
    void aChangedExpectationOfAScenarioIsShownOldToNew() {
        String path = "decision-tables/scenarios/03-known-supplier-new-system.json";
        String json = new String(SHIPPED.files().get(path), StandardCharsets.UTF_8);
        String changed = json.replaceFirst("\"estimatedProcessingDays\"\\s*:\\s*(\\d+)", "\"estimatedProcessingDays\": 35");
        assertThat(changed).isNotEqualTo(json);

        VersionDiff diff = VersionDiff.of(SHIPPED, with(path, changed.getBytes(StandardCharsets.UTF_8)));

        assertThat(diff.tables()).isEmpty();
        assertThat(diff.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.presence()).isEqualTo(VersionDiff.Presence.CHANGED);
            assertThat(s.otherParts()).isFalse();
            assertThat(s.expectations()).singleElement().satisfies(e -> {
                assertThat(e.label()).isEqualTo("estimatedProcessingDays");
                assertThat(e.now()).isEqualTo("35");
            });
        });
    }

    static TableChecks.RuleSheet routes(RuleFiles files) {
        List<TableChecks.RuleSheet> sheets = TableChecks.ruleSheets(ROUTES, files.files().get(ROUTES));
        assertThat(sheets).isNotEmpty();
        return sheets.stream().filter(s -> s.name().equals("Routes")).findFirst().orElseThrow();
    }

    /** The label of the routes sheet's column of processing days. */
    static String daysLabel(TableChecks.RuleSheet routes) {
        return routes.labels().stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("day")
                || l.toLowerCase(java.util.Locale.ROOT).contains("dage")).findFirst().orElseThrow();
    }

    private static RuleFiles with(String path, byte[] bytes) {
        Map<String, byte[]> files = new TreeMap<>(SHIPPED.files());
        files.put(path, bytes);
        return new RuleFiles(files);
    }
}
