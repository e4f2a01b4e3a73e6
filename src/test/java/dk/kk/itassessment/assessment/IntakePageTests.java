package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.support.Api;
import dk.kk.itassessment.support.Browser;
import dk.kk.itassessment.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The intake form in a real browser, with the keyboard only: Tab from field to field, typing, Space on radio
 * buttons, checkboxes and the button. The live preview follows the answers without a page reload (it changes when
 * personal data is ticked), the personal-data questions appear only when they apply, and sending the form lands on
 * the case it opened. Errors: the summary gets the focus and links to its fields. axe-core on the form, with its
 * preview and with errors, in Danish and English.
 */
@IntegrationTest
class IntakePageTests {

    private static final String PASSWORD = "intake-page-long-password";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    String base() {
        return "http://localhost:" + port;
    }

    void signInAsANewRequester() {
        String username = "intake-" + suffix;
        assertThat(api.post("/api/v1/users", Map.of("username", username, "email", username + "@example.dk",
                "password", PASSWORD, "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        Browser.open(base() + "/login");
        Browser.signIn(username, PASSWORD);
    }

    WebElement active() {
        return Browser.driver().switchTo().activeElement();
    }

    /** Presses Tab (Shift+Tab when it is above) until the element {@code id} has the focus: the keyboard's way. */
    void tabTo(String id) {
        tabUntil("#" + id);
        assertThat(active().getAttribute("id")).as("Tab reaches #%s", id).isEqualTo(id);
    }

    /** Presses Tab (or Shift+Tab) until the focus is on an element matching {@code css}. */
    void tabUntil(String css) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) Browser.driver();
        boolean above = Boolean.TRUE.equals(js.executeScript(
                "return !!(document.activeElement.compareDocumentPosition(document.querySelector(arguments[0]))"
                        + " & Node.DOCUMENT_POSITION_PRECEDING)", css));
        for (int i = 0; i < 120 && !Boolean.TRUE.equals(js.executeScript(
                "return document.activeElement.matches(arguments[0])", css)); i++) {
            Actions keys = new Actions(Browser.driver());
            (above ? keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT) : keys.sendKeys(Keys.TAB)).perform();
        }
    }

    void type(String id, String text) {
        tabTo(id);
        new Actions(Browser.driver()).sendKeys(text).perform();
    }

    void space(String id) {
        tabTo(id);
        new Actions(Browser.driver()).sendKeys(Keys.SPACE).perform();
    }

    /** A radio button: Tab into its group, then the arrow keys to it (which choose it), Space to be sure. */
    void choose(String group, String value) {
        String id = group + "-" + value;
        tabUntil("input[name='" + Browser.find("#" + id).getAttribute("name") + "']");
        for (int i = 0; i < 10 && !id.equals(active().getAttribute("id")); i++) {
            new Actions(Browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
        }
        new Actions(Browser.driver()).sendKeys(Keys.SPACE).perform();
        assertThat(Browser.find("#" + id).isSelected()).as(id).isTrue();
    }

    /** A select: Tab to it and type the start of the option's label. */
    void select(String id, String label) {
        type(id, label);
        assertThat(Browser.find("#" + id + " option:checked").getText()).startsWith(label);
    }

    String preview(String css) {
        return Browser.text("#preview " + css);
    }

    @Test
    void aRequesterFillsTheFormWithTheKeyboardSeesThePreviewFollowAndLandsOnTheCase() {
        signInAsANewRequester();
        Browser.open(base() + "/intake?lang=da");
        assertThat(Browser.text("#preview")).contains("Udfyld blanketten");
        // from the top of the page: the skip link first, then into the form
        new Actions(Browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).isEqualTo("Gå til indhold");
        new Actions(Browser.driver()).sendKeys(Keys.ENTER).perform();

        type("solution-name", "Tegneappen " + suffix);
        type("solution-supplierName", "Tegnefirma " + suffix);
        choose("solution-kind", "APP");
        select("solution-category", "Undervisning");
        choose("purpose", "TRIAL");
        choose("personalData-processed", "false");
        assertThat(Browser.find("#personalData-subjects").isDisplayed()).as("no personal-data questions yet").isFalse();
        choose("cost-free", "true");
        Browser.waitUntil(b -> "FULL_ACQUISITION".equals(Browser.find("#preview-content").getAttribute("data-route")));
        assertThat(preview(".route")).isEqualTo("Fuld it-anskaffelse");
        assertThat(preview(".review")).isEqualTo("Grundlæggende sikkerhedsvurdering");
        assertThat(preview(".days")).isEqualTo("60 dage");
        assertThat(Browser.text("#preview")).contains("Gratis").contains("afprøvning");

        // personal data about pupils: the questions appear, the preview follows without a reload
        String page = (String) ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
                .executeScript("return window.__page = window.__page || Math.random().toString()");
        choose("personalData-processed", "true");
        assertThat(Browser.find("#personalData-subjects").isDisplayed()).isTrue();
        space("personalData-subjects-PUPILS");
        space("personalData-categories-CONTACT");
        select("personalData-location", "I EU/EØS");
        Browser.waitUntil(b -> preview(".review").equals("Almindelig sikkerhedsvurdering"));
        assertThat(preview(".risk")).isEqualTo("Middel");
        assertThat(Browser.text("#preview")).contains("Digitaliseringskontoret").contains("Koncern IT");
        assertThat(((org.openqa.selenium.JavascriptExecutor) Browser.driver()).executeScript("return window.__page"))
                .as("no page reload").isEqualTo(page);

        type("requester-name", "Mette Hansen");
        type("requester-email", "mette." + suffix + "@example.dk");
        select("requester-role", "Lærer");
        type("requester-institution", "Valby Skole");
        select("requester-institutionType", "Skole");
        ((org.openqa.selenium.JavascriptExecutor) Browser.driver()).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot("intake-da");
        Browser.assertAccessible();

        space("submit-request");
        Browser.waitUntil(b -> Browser.path().startsWith("/cases/"));
        String number = Browser.path().substring("/cases/".length());
        assertThat(number).matches("BUF-\\d{4}-\\d{5}");
        Api.Response opened = api.get("/api/v1/cases/" + number);
        assertThat(opened.json().path("solution").path("name").asString()).isEqualTo("Tegneappen " + suffix);
        assertThat(opened.json().path("requester").path("institution").asString()).isEqualTo("Valby Skole");
    }

    @Test
    void missingAnswersAreSummarisedAtTheTopAndSaidBesideTheirFields() {
        signInAsANewRequester();
        for (String lang : List.of("da", "en")) {
            Browser.open(base() + "/intake?lang=" + lang);
            Browser.assertAccessible();
            Browser.find("#submit-request").click();
            Browser.waitUntil(b -> !Browser.findAll(".error-summary").isEmpty());
            assertThat(active().getAttribute("class")).contains("error-summary");
            assertThat(Browser.find(".error-summary").getText())
                    .contains(lang.equals("da") ? "Løsningens navn: skal udfyldes." : "Name of the solution: must be filled in.");
            assertThat(Browser.find("#solution-name").getAttribute("aria-describedby")).contains("solution-name-error");
            Browser.find(".error-summary a[href='#solution-name']").click();
            assertThat(active().getAttribute("id")).isEqualTo("solution-name");
            Browser.screenshot("intake-errors-" + lang);
            Browser.assertAccessible();
        }
        Browser.open(base() + "/intake?lang=en&solution.name=Book%20Creator&solution.kind=HARDWARE_WITH_SOFTWARE");
        assertThat(Browser.find("#solution-name").getAttribute("value")).isEqualTo("Book Creator");
        assertThat(Browser.find("#solution-kind-HARDWARE_WITH_SOFTWARE").isSelected()).isTrue();
        Browser.assertAccessible();
        Browser.open(base() + "/?lang=da");
    }
}
