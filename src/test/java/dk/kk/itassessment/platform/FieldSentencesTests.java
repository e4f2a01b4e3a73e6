package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The API's field errors, as its checks word them, said in Danish and English; an unknown one kept as English. */
class FieldSentencesTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages/common");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "is required (1–200 characters)|Skal udfyldes.|Must be filled in.",
            "must not be blank (1–200 characters)|Skal udfyldes.|Must be filled in.",
            "must be at most 200 characters (is 201)|Skriv højst 200 tegn.|Write at most 200 characters.",
            "must have at most 500 items (has 501)|Højst 500 linjer.|At most 500 lines.",
            "must be at most 72 bytes in UTF-8 (it has 80): bcrypt, which stores it, reads no more"
                    + "|Højst 72 byte: et bogstav som æ, ø eller å tæller for to.|At most 72 bytes: a letter such as æ, ø or å counts as two.",
            "must be at least 12 characters|Skal være mindst 12 tegn.|Must be at least 12 characters.",
            "must be a CVR number: 8 digits, the first not 0, passing the modulus-11 check"
                    + "|Skal være et gyldigt CVR-nummer på 8 cifre.|Must be a valid CVR number of 8 digits.",
            "must be an e-mail address such as name@example.dk"
                    + "|Skal være en gyldig e-mailadresse, fx navn@kk.dk.|Must be a valid e-mail address, such as name@kk.dk.",
            "must be a date YYYY-MM-DD|Skal være en dato som 2027-08-01.|Must be a date such as 2027-08-01.",
            "3 to 64 characters of a-z, 0-9, '.', '_' and '-'"
                    + "|3 til 64 tegn: små bogstaver a-z, tal og . _ -|3 to 64 characters: lower-case letters a-z, digits and . _ -",
            "must be one of GRANTED, PENDING, REFUSED|Vælg en af mulighederne.|Choose one of the options.",
    })
    void aCheckOfTheApiIsSaidInThePagesLanguage(String message, String danish, String english) {
        FieldSentences.Sentence da = FieldSentences.of(message, MESSAGES, Locale.forLanguageTag("da"));
        assertThat(da.text()).isEqualTo(danish);
        assertThat(da.english()).isFalse();
        assertThat(FieldSentences.of(message, MESSAGES, Locale.ENGLISH).text()).isEqualTo(english);
    }

    @Test
    void anUnknownCheckKeepsItsOwnWordsMarkedAsEnglish() {
        FieldSentences.Sentence said = FieldSentences.of("is not a known property (known: name)", MESSAGES,
                Locale.forLanguageTag("da"));
        assertThat(said.text()).isEqualTo("is not a known property (known: name)");
        assertThat(said.english()).isTrue();
    }
}
