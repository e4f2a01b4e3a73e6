package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files that run the service outside the tests: the JVM exits when it runs out of memory (Dockerfile and
 * {@code ./mvnw spring-boot:run} alike), compose restarts what stopped and asks PostgreSQL over TCP whether it is
 * ready, and the image is built without the tests; compose connects the service as its own role and migrates as the
 * owner; the health checks ask liveness.
 */
class DeploymentTests {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    @Test
    void aJvmStartedAsTheDockerfileStartsItExitsWhenOutOfMemory() throws Exception {
        List<String> options = entrypointOptions();
        assertThat(options).contains(EXIT_ON_OOM);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Xmx32m", "-cp", Path.of(OutOfMemory.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString(), OutOfMemory.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // without the option the process lives on: its other thread (Tomcat's, in the service) never ends
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
            assertThat(process.exitValue()).isEqualTo(3); // the exit status of -XX:+ExitOnOutOfMemoryError
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void springBootRunStartsTheJvmWithTheSameOption() throws Exception {
        Matcher jvmArguments = Pattern.compile("<jvmArguments>([^<]*)</jvmArguments>").matcher(Files.readString(Path.of("pom.xml")));

        assertThat(jvmArguments.find()).isTrue();
        assertThat(jvmArguments.group(1).trim().split("\\s+")).contains(EXIT_ON_OOM);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRestartsBothAndChecksTheDatabaseOverTcp() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services.get("db").get("restart")).isEqualTo("unless-stopped");
        assertThat(services.get("service").get("restart")).isEqualTo("unless-stopped");
        List<String> dbCheck = (List<String>) ((Map<String, Object>) services.get("db").get("healthcheck")).get("test");
        assertThat(String.join(" ", dbCheck)).contains("pg_isready -h 127.0.0.1");
        assertThat(services.get("service").get("healthcheck")).isNotNull();
    }

    /**
     * Least privilege in compose: the postgres image's init script (run when the volume is initialised) makes the
     * service's login role with a password from the environment; the service connects as that role, the role V26
     * grants to, and Flyway as the owner, the image's POSTGRES_USER.
     */
    @Test
    @SuppressWarnings("unchecked")
    void composeConnectsTheServiceAsItsOwnRoleAndMigratesAsTheOwner() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> db = services.get("db");
        Map<String, String> dbEnv = (Map<String, String>) db.get("environment");
        Map<String, String> serviceEnv = (Map<String, String>) services.get("service").get("environment");
        String appRole = applicationProperty("spring.flyway.placeholders.app_role");

        String mount = ((List<String>) db.get("volumes")).stream()
                .filter(volume -> volume.contains(":/docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        Path initFolder = Path.of(mount.substring(0, mount.indexOf(':')));
        List<Path> scripts;
        try (var files = Files.list(initFolder)) {
            scripts = files.filter(file -> file.toString().endsWith(".sh") || file.toString().endsWith(".sql")).toList();
        }
        assertThat(scripts).isNotEmpty();
        String init = String.join("\n", scripts.stream().map(DeploymentTests::read).toList());
        Matcher created = Pattern.compile("create role (\\w+) login nosuperuser nocreatedb nocreaterole password :'app_password'")
                .matcher(init);
        assertThat(created.find()).as("the init script makes a login role").isTrue();
        assertThat(created.group(1)).isEqualTo(appRole);
        // the password comes from the environment the db service is given, never from the file
        Matcher passwordVariable = Pattern.compile("app_password=\"\\$(\\w+)\"").matcher(init);
        assertThat(passwordVariable.find()).isTrue();
        String variable = passwordVariable.group(1);
        assertThat(dbEnv.get(variable)).isEqualTo("${" + variable + ":?set " + variable + "}");

        assertThat(serviceEnv.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(appRole);
        assertThat(serviceEnv.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(dbEnv.get(variable));
        assertThat(serviceEnv.get("SPRING_FLYWAY_USER")).isEqualTo(dbEnv.get("POSTGRES_USER")).isNotEqualTo(appRole);
        assertThat(serviceEnv.get("SPRING_FLYWAY_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
    }

    /**
     * The container's health check asks liveness: "unhealthy" is what an orchestrator restarts a container for, and
     * a restart does not bring the database back (readiness is DOWN while it is away, liveness stays UP).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theHealthChecksAskLiveness() throws Exception {
        Matcher healthcheck = Pattern.compile("(?m)^HEALTHCHECK .*\\\\\\n\\s*CMD (.*)$")
                .matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(healthcheck.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
        assertThat(healthcheck.group(1)).contains("http://localhost:8080/actuator/health/liveness");

        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> check = (List<String>) ((Map<String, Object>) services.get("service").get("healthcheck")).get("test");
        assertThat(String.join(" ", check)).contains("http://localhost:8080/actuator/health/liveness");
    }

    @Test
    void theImageIsBuiltWithoutTheTests() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));

        assertThat(dockerfile).contains("-Dmaven.test.skip=true").doesNotContain("-DskipTests");
        assertThat(ignored).contains("src/test", "target", ".data", ".git");
    }

    private static String applicationProperty(String name) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty(name);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> entrypointOptions() throws Exception {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(entrypoint.find()).isTrue();
        List<String> words = List.of(JsonMapper.builder().build().readValue(entrypoint.group(1), String[].class));
        assertThat(words.get(0)).isEqualTo("java");
        return words.subList(1, words.indexOf("-jar"));
    }

    /** Runs out of memory while another thread, like the web server's, keeps the JVM alive. */
    static final class OutOfMemory {
        public static void main(String[] args) throws Exception {
            Thread server = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            List<long[]> kept = new ArrayList<>();
            while (true) {
                kept.add(new long[1 << 20]);
            }
        }
    }
}
