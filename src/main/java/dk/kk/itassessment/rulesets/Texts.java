package dk.kk.itassessment.rulesets;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** A report's text ({@code { "da": …, "en": … }}) in the page's language: English for English, Danish otherwise. */
final class Texts {

    private Texts() {
    }

    static String of(JsonNode message, Locale locale) {
        String language = locale != null && "en".equals(locale.getLanguage()) ? "en" : "da";
        JsonNode text = message.path(language);
        return text.isString() ? text.asString() : message.path("en").asString();
    }
}
