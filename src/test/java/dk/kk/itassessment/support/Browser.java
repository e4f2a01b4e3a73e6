package dk.kk.itassessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one headless Chromium of the test run (Debian's {@code /usr/bin/chromium} with its {@code chromedriver}, so
 * that Selenium Manager downloads nothing), started when a page test first needs it and quit when the JVM ends.
 * Page tests use it one at a time (JUnit runs test classes one after another here), each signing in afresh.
 * {@link #assertAccessible()} runs axe-core (the WebJar on the test classpath) on the page as it is and fails
 * with every violation of WCAG 2.0/2.1 A and AA.
 */
public final class Browser {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String[] WCAG = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"};
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver driver;
    private static String axe;

    private Browser() {
    }

    /** The browser, started on first use. */
    public static synchronized WebDriver driver() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                    "--disable-gpu", "--lang=da");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            WebDriver started = new ChromeDriver(service, options);
            started.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "browser-quit"));
            driver = started;
        }
        return driver;
    }

    /** Opens {@code url} (the service's base URL and a path) and waits until the page has loaded. */
    public static WebDriver open(String url) {
        WebDriver browser = driver();
        browser.get(url);
        // under load the previous page can still be the one shown for a moment: wait for a whole page with its main
        waitUntil(b -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript("return document.readyState"))
                && !b.findElements(By.cssSelector("main")).isEmpty());
        return browser;
    }

    /** The scheme, host and port of the page open now. */
    public static String base() {
        URI current = URI.create(driver().getCurrentUrl());
        return current.getScheme() + "://" + current.getAuthority();
    }

    /** The path (and query) of the page open now. */
    public static String path() {
        URI current = URI.create(driver().getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    /**
     * Signs in with the login form as a new session (the cookies of the last one deleted), on the host of the page
     * open now, and waits until the login page has been left.
     */
    public static void signIn(String username, String password) {
        WebDriver browser = driver();
        String base = base();
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitUntil(b -> !path().startsWith("/login"));
    }

    /** Signs out with the layout's button (a POST with the CSRF token). */
    public static void signOut() {
        driver().findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitUntil(b -> path().startsWith("/login?logout"));
    }

    /** Forgets the session and the language: the next page is opened as nobody, in Danish. */
    public static void forget() {
        driver().manage().deleteAllCookies();
    }

    /** Waits for {@code condition}; an element replaced meanwhile (htmx swapping a part of the page) is looked for again. */
    public static <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), WAIT).ignoring(StaleElementReferenceException.class).until(b -> {
            try {
                return condition.apply(b);
            } catch (WebDriverException e) {
                if (replacedMeanwhile(e)) {
                    return null; // the document was being replaced: look again
                }
                throw e;
            }
        });
    }

    private static boolean replacedMeanwhile(WebDriverException e) {
        return !(e instanceof StaleElementReferenceException) && e.getMessage() != null
                && e.getMessage().contains("does not belong to the document");
    }

    /**
     * Waits until {@code element} has left the page (a form posted and the next page shown, or htmx swapping it out).
     * Chromium answers a look at a node of a document being replaced either "stale element" or, mid-navigation,
     * "Node with given id does not belong to the document"; both mean it is gone.
     */
    public static void waitUntilGone(WebElement element) {
        waitUntil(b -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return true;
            } catch (WebDriverException e) {
                if (replacedMeanwhile(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** The text of the element {@code css} as it is now, read again if htmx replaced it while it was read. */
    public static String text(String css) {
        return waitUntil(b -> b.findElement(By.cssSelector(css)).getText());
    }

    /** The element at {@code css}, waited for (a page or an htmx swap may still be arriving). */
    public static WebElement find(String css) {
        return waitUntil(b -> b.findElement(By.cssSelector(css)));
    }

    public static List<WebElement> findAll(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    /** The text of the page's main heading. */
    public static String heading() {
        return find("h1").getText();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public static Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver()).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page open now; fails naming every WCAG 2.1 A/AA violation and where it is. */
    public static void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) driver();
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done('axe failed: ' + e));
                """, List.of(WCAG));
        String answer = String.valueOf(result);
        assertThat(answer).as("axe-core ran on %s", path()).startsWith("[");
        JsonNode violations = JsonMapper.builder().build().readTree(answer);
        List<String> found = new ArrayList<>();
        for (JsonNode violation : violations) {
            List<String> where = new ArrayList<>();
            for (JsonNode node : violation.path("nodes")) {
                where.add(node.path("target").toString() + " " + node.path("failureSummary").asString(""));
            }
            found.add(violation.path("id").asString() + " (" + violation.path("impact").asString("") + "): "
                    + violation.path("help").asString() + " at " + where);
        }
        assertThat(found).as("WCAG 2.1 AA violations on %s (%s)", path(), lang()).isEmpty();
    }

    /** The {@code lang} of the page open now. */
    public static String lang() {
        return find("html").getAttribute("lang");
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
                assertThat(in).as(AXE + " on the test classpath").isNotNull();
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
