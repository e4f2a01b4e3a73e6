package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * A policy officer's loop through the API, for tests: download a table of the active version, change cells, upload
 * it as a draft (multipart/form-data), approve it as a second officer, activate, roll back.
 */
public final class Drafts {

    /** The test's second policy officer (TestAccounts has one per role; four eyes need two). */
    public static final String SECOND_OFFICER = "second-policy-officer";

    private final Api api;

    public Drafts(Api api) {
        this.api = api;
    }

    public Api officer() {
        return api.as(Role.POLICY_OFFICER);
    }

    /** Creates the second policy officer once (idempotent: a 409 means it is there). */
    public Api secondOfficer() {
        Api.Response created = api.post("/api/v1/users", Map.of("username", SECOND_OFFICER,
                "email", SECOND_OFFICER + "@test.example.dk", "password", "test-only-password-of-" + SECOND_OFFICER,
                "roles", java.util.List.of("POLICY_OFFICER")));
        assertThat(created.status()).isIn(201, 409);
        return api.as(SECOND_OFFICER, "test-only-password-of-" + SECOND_OFFICER);
    }

    public JsonNode active() {
        Api.Response active = officer().get("/api/v1/rulesets/active");
        assertThat(active.status()).isEqualTo(200);
        return active.json();
    }

    public byte[] table(String version, String table) {
        Api.Response response = officer().get("/api/v1/rulesets/" + version + "/tables/" + table);
        assertThat(response.status()).isEqualTo(200);
        return response.raw().body();
    }

    /** A copy of a workbook with cells (like {@code "Routes!H21"}) set to text, numbers or booleans. */
    public static byte[] edit(byte[] xlsx, Map<String, Object> cells) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            cells.forEach((ref, value) -> {
                CellReference at = new CellReference(ref);
                Sheet sheet = workbook.getSheet(at.getSheetName());
                Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
                Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue((String) value);
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(byte[] xlsx, String ref) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            CellReference at = new CellReference(ref);
            return workbook.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads files (part name → file name → bytes) with a comment, as {@code officer}. */
    static Api.Response upload(Api officer, String base, String comment, Map<String, Map<String, byte[]>> parts) {
        String boundary = "----test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        if (base != null) {
            fields.put("base", base);
        }
        if (comment != null) {
            fields.put("comment", comment);
        }
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        parts.forEach((part, files) -> files.forEach((file, bytes) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        }));
        write(body, "--" + boundary + "--\r\n");
        return officer.send("/api/v1/rulesets/drafts", "POST", "multipart/form-data; boundary=" + boundary,
                body.toByteArray(), Map.of());
    }

    public Api.Response uploadTable(String name, byte[] bytes, String comment) {
        return upload(officer(), null, comment, Map.of("table", Map.of(name, bytes)));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
