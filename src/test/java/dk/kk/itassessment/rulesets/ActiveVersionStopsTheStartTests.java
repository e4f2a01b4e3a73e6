package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.kk.itassessment.ItAssessmentApplication;
import dk.kk.itassessment.policy.RuleSetRejected;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At start-up the active version is compiled and checked against this build: one that no longer builds (here a DRL
 * that names a fact field this build does not have) stops the start, saying which version and why. An instance that
 * is running keeps deciding with the version it has.
 */
@IntegrationTest
class ActiveVersionStopsTheStartTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    @Test
    void anActiveVersionThatNoLongerBuildsStopsTheStartNamingIt() {
        long original = jdbc.sql("select id from rule_set_versions where status = 'ACTIVE'").query(Long.class).single();
        long broken = jdbc.sql("select nextval(pg_get_serial_sequence('rule_set_versions', 'id'))").query(Long.class).single();
        jdbc.sql("""
                insert into rule_set_versions (id, fingerprint, status, valid, comment, created_by, created_at, activated_by,
                                               activated_at, report)
                overriding system value
                values (?, ?, 'RETIRED', true, 'built by an older build', 'deployment', ?, 'deployment', ?, '{}')
                """).params(broken, "sha256:" + "0".repeat(63) + broken % 10, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now())).update();
        jdbc.sql("insert into rule_set_files (version_id, path, content) select ?, path, content from rule_set_files "
                + "where version_id = ? and path <> 'rules/derive/lookups.drl'").params(broken, original).update();
        jdbc.sql("insert into rule_set_files (version_id, path, content) values (?, 'rules/derive/lookups.drl', ?)")
                .params(broken, """
                        package dk.kk.itassessment.rules.derive;
                        import dk.kk.itassessment.policy.facts.*;

                        rule "A field of an older build"
                            ruleflow-group "derive"
                        when
                            Acquisition( schoolYear == 7 )
                        then
                        end
                        """.getBytes(StandardCharsets.UTF_8)).update();
        activate(broken);
        try {
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ItAssessmentApplication.class).run(
                    "--server.port=0", "--assessment.embedded-db.data-dir=target/test-postgres",
                    "--assessment.embedded-db.clean=true", "--assessment.demo-data=false",
                    "--assessment.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD).close());

            Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
            assertThat(cause).isInstanceOf(RuleSetRejected.class);
            assertThat(((RuleSetRejected) cause).problems().get(0))
                    .contains("active rule-set version " + broken).contains("no longer builds");
            assertThat(String.join("\n", ((RuleSetRejected) cause).problems())).contains("rules/derive/lookups.drl");
            // this instance still decides with what it had
            assertThat(api.as(dk.kk.itassessment.access.Role.REQUESTER)
                    .post("/api/v1/assessments", dk.kk.itassessment.assessment.Examples.request()).status()).isEqualTo(201);
        } finally {
            activate(original);
        }
    }

    private void activate(long id) {
        jdbc.sql("update rule_set_versions set status = 'RETIRED' where status = 'ACTIVE'").update();
        jdbc.sql("update rule_set_versions set status = 'ACTIVE' where id = ?").param(id).update();
    }
}
