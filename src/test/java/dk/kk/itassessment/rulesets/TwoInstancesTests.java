package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.ItAssessmentApplication;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A second instance on the same database. It ships other files than the active version (a later deployment): they
 * become a draft, and it decides with the active version. An activation on the first instance decides on the second
 * within 5 seconds (LISTEN/NOTIFY), and so does the roll-back. Each instance publishes {@link ActiveVersionChanged}
 * once per version it starts deciding with: the activating one as it activates, the other as it follows.
 */
@IntegrationTest
class TwoInstancesTests {

    private static final Duration FOLLOW_WITHIN = Duration.ofSeconds(5);

    @Autowired
    Api api;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void anActivationOnOneInstanceDecidesOnTheOtherWithinFiveSeconds(@TempDir Path tables) throws Exception {
        Drafts drafts = new Drafts(api);
        Api second = drafts.secondOfficer();
        JsonNode original = drafts.active();
        String originalId = original.get("id").asString();
        byte[] checklist = drafts.table(originalId, "checklist");
        try (Stream<Path> shipped = Files.list(Path.of("decision-tables"))) {
            for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                Files.copy(file, tables.resolve(file.getFileName()));
            }
        }
        Files.write(tables.resolve("checklist.drl.xlsx"), Drafts.edit(checklist, Map.of("Checklist!O12", "Kontakt os")));
        long versionsBefore = drafts.officer().get("/api/v1/rulesets").json().get("total").asLong();

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ItAssessmentApplication.class).run(
                "--server.port=0", "--assessment.tables-dir=" + tables,
                "--assessment.embedded-db.data-dir=target/test-postgres", "--assessment.embedded-db.clean=true",
                "--assessment.demo-data=false",
                "--assessment.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD)) {
            PolicyEngine otherEngine = other.getBean(PolicyEngine.class);
            List<ActiveVersionChanged> here = new CopyOnWriteArrayList<>();
            List<ActiveVersionChanged> there = new CopyOnWriteArrayList<>();
            ApplicationListener<ApplicationEvent> hereListener = listener(here);
            context.addApplicationListener(hereListener);
            other.addApplicationListener(listener(there));

            // the other deployment's files: a draft by "deployment"; the active version still decides there
            JsonNode newest = drafts.officer().get("/api/v1/rulesets?size=1").json();
            assertThat(newest.get("total").asLong()).isEqualTo(versionsBefore + 1);
            JsonNode imported = newest.get("items").get(0);
            assertThat(imported.get("status").asString()).isEqualTo("DRAFT");
            assertThat(imported.get("createdBy").asString()).isEqualTo("deployment");
            assertThat(otherEngine.ruleSet().version()).isEqualTo(originalId);

            // approve and activate it on this instance: the other follows
            String id = imported.get("id").asString();
            assertThat(second.post("/api/v1/rulesets/" + id + "/approvals", "").status()).isEqualTo(200);
            assertThat(drafts.officer().post("/api/v1/rulesets/" + id + "/activate", "").status()).isEqualTo(200);
            assertThat(follows(otherEngine, id)).isLessThanOrEqualTo(FOLLOW_WITHIN);
            ActiveVersionChanged activated = new ActiveVersionChanged(id, imported.get("fingerprint").asString());
            assertThat(here).containsExactly(activated);
            assertThat(eventually(there, 1)).containsExactly(activated);

            Api.Response back = drafts.officer().post("/api/v1/rulesets/" + originalId + "/activate", "");
            assertThat(back.status()).as(back.text()).isEqualTo(200);
            assertThat(follows(otherEngine, originalId)).isLessThanOrEqualTo(FOLLOW_WITHIN);
            ActiveVersionChanged rolledBack = new ActiveVersionChanged(originalId, original.get("fingerprint").asString());
            assertThat(here).containsExactly(activated, rolledBack);
            assertThat(eventually(there, 2)).containsExactly(activated, rolledBack);
            context.removeApplicationListener(hereListener);
        }
    }

    /** A listener that keeps every {@link ActiveVersionChanged} published. */
    private static ApplicationListener<ApplicationEvent> listener(List<ActiveVersionChanged> heard) {
        return event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ActiveVersionChanged changed) {
                heard.add(changed);
            }
        };
    }

    /** {@code heard} once it has {@code size} events (or after 3 × the limit). */
    private static List<ActiveVersionChanged> eventually(List<ActiveVersionChanged> heard, int size) throws InterruptedException {
        long start = System.nanoTime();
        while (heard.size() < size && System.nanoTime() - start < 3 * FOLLOW_WITHIN.toNanos()) {
            Thread.sleep(20);
        }
        return heard;
    }

    /** How long until {@code engine} decides with version {@code id} (gives up after 3 × the limit). */
    private static Duration follows(PolicyEngine engine, String id) throws InterruptedException {
        long start = System.nanoTime();
        while (!engine.ruleSet().version().equals(id) && System.nanoTime() - start < 3 * FOLLOW_WITHIN.toNanos()) {
            Thread.sleep(20);
        }
        assertThat(engine.ruleSet().version()).isEqualTo(id);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
