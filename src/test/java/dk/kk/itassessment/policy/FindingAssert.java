package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on findings: which table and cell, and a message in Danish and in English. */
final class FindingAssert {

    private FindingAssert() {
    }

    /** The one finding of {@code findings} at this table and cell, with both messages; returns it. */
    static Finding at(List<Finding> findings, String table, String cell) {
        List<Finding> here = findings.stream()
                .filter(f -> table.equals(f.table()) && java.util.Objects.equals(cell, f.cell())).toList();
        assertThat(here).as("findings at %s %s among %s", table, cell, findings).hasSize(1);
        Finding finding = here.get(0);
        assertThat(finding.message().da()).isNotBlank().isNotEqualTo(finding.message().en());
        assertThat(finding.message().en()).isNotBlank();
        return finding;
    }
}
