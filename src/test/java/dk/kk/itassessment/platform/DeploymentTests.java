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
 * ready, and the image is built without the tests.
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

    @Test
    void theImageIsBuiltWithoutTheTests() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));

        assertThat(dockerfile).contains("-Dmaven.test.skip=true").doesNotContain("-DskipTests");
        assertThat(ignored).contains("src/test", "target", ".data", ".git");
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
