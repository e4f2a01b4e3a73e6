package dk.kk.itassessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.platform.JsonBody;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The README's examples work as written: the files they send exist, and the accounts they log in as are made there. */
class ReadmeTests {

    private static final Path README = Path.of("README.md");

    @Test
    void everyFileACurlSendsIsInTheRepository() throws Exception {
        Set<String> missing = new TreeSet<>();
        Matcher sent = Pattern.compile("(?:--data|-d) @(\\S+)").matcher(Files.readString(README));
        int files = 0;
        while (sent.find()) {
            files++;
            if (!Files.isRegularFile(Path.of(sent.group(1)))) {
                missing.add(sent.group(1));
            }
        }
        assertThat(files).isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void theExampleRequestIsWhatTheSessionShowsAndValid() throws Exception {
        String readme = Files.readString(README);
        String file = Files.readString(Path.of("examples/book.json"));

        assertThat(readme).contains("$ cat examples/book.json\n" + file);
        assertThat(new RequestReader(new JsonBody(JsonMapper.builder().build())).read(file.getBytes()).users()).isEqualTo(120);
    }

    @Test
    void everyAccountTheExamplesLogInAsIsCreatedInThem() throws Exception {
        String readme = Files.readString(README);
        Set<String> created = new TreeSet<>();
        Matcher username = Pattern.compile("\"username\":\"([a-z0-9._-]+)\"").matcher(readme);
        while (username.find()) {
            created.add(username.group(1));
        }
        Set<String> used = new TreeSet<>();
        Matcher login = Pattern.compile("curl(?: -s)? -s?u ([a-z0-9._-]+):").matcher(readme);
        while (login.find()) {
            used.add(login.group(1));
        }

        assertThat(used).contains("anna", "bodil");
        assertThat(created).containsAll(used);
    }
}
