package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.Examples;
import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.IntegrationTest;
import dk.kk.itassessment.support.WorkbookZips;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A table that unpacks to far more than a policy table holds is refused while it is unpacked, with 422 naming the
 * limit and nothing stored, and the service keeps answering assessments meanwhile.
 */
@IntegrationTest
class TableLimitsApiTests {

    private static final int ROWS = 100_000;
    private static final int COLUMNS = 24;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSheetOfMillionsOfCellsIsRefusedNamingTheLimitWhileAssessmentsAreAnswered() throws Exception {
        Drafts drafts = new Drafts(api);
        byte[] bomb = millionsOfCells(drafts.table(drafts.active().get("id").asString(), "routes"));
        assertThat(bomb.length).isLessThan(5 * 1024 * 1024);
        long versions = versions();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Api.Response> upload = clients.submit(() -> {
                start.await();
                return drafts.uploadTable("routes.drl.xlsx", bomb, "a sheet of 2.4 million cells");
            });
            List<Integer> assessed = new CopyOnWriteArrayList<>();
            for (int client = 0; client < 4; client++) {
                clients.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3 || !upload.isDone() && i < 50; i++) {
                        assessed.add(api.as(Role.REQUESTER).post("/api/v1/assessments", Examples.request()).status());
                    }
                    return null;
                });
            }
            start.countDown();

            Api.Response refused = upload.get(120, TimeUnit.SECONDS);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode finding = refused.json().get("errors").get(0);
            assertThat(finding.get("table").asString()).isEqualTo("routes");
            assertThat(finding.get("message").get("en").asString())
                    .isEqualTo("the part xl/worksheets/sheet1.xml unpacks to more than 4 MiB; at most 4 MiB per part are allowed");
            assertThat(finding.get("message").get("da").asString()).contains("højst 4 MiB pr. del");
            assertThat(versions()).isEqualTo(versions);
            assertThat(assessed).hasSizeGreaterThanOrEqualTo(12).containsOnly(201);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The routes table with its sheet replaced by one of 2.4 million numbers: some 70 MB of XML in a zip of under
     * 2 MB, which packs too loosely to be taken for a zip bomb.
     */
    private static byte[] millionsOfCells(byte[] routes) {
        Map<String, byte[]> parts = WorkbookZips.parts(routes);
        String sheet = "xl/worksheets/sheet1.xml";
        parts.remove(sheet);
        Random random = new Random(13);
        return WorkbookZips.zip(parts, sheet, out -> {
            Writer xml = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>");
            for (int r = 1; r <= ROWS; r++) {
                xml.write("<row r=\"" + r + "\" spans=\"1:" + COLUMNS + "\">");
                for (int c = 0; c < COLUMNS; c++) {
                    xml.write("<c s=\"1\" t=\"n\"><v>" + random.nextInt(3) + "</v></c>");
                }
                xml.write("</row>");
            }
            xml.write("</sheetData></worksheet>");
            xml.flush();
        });
    }

    private long versions() {
        return jdbc.sql("select count(*) from rule_set_versions").query(Long.class).single();
    }
}
