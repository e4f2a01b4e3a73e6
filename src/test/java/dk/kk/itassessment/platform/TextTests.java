package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What one-line and several-line texts may hold, and how a client's text is echoed. */
class TextTests {

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"})
    void aDirectionOverrideIsRefusedInEveryText(String control) {
        assertThat(Text.forbiddenInLine("Valby " + control + "Skole")).startsWith("must not contain characters that");
        assertThat(Text.forbiddenCharacter("Valby " + control + "Skole")).startsWith("must not contain characters that");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u2028", "\u2029", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
            "\u2060", "\u2064", "\ufeff", "\u061c", "\u180e", "\u034f", "\u00ad", "\u0000", "\u0085"})
    void aOneLineTextHasNoLineBreakTabOrInvisibleCharacter(String character) {
        assertThat(Text.forbiddenInLine("Valby" + character + "Skole")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\t", "\u200d", "\u200e", "\u2028"})
    void aTextOfSeveralLinesKeepsLineBreaksTabsAndJoiners(String character) {
        assertThat(Text.forbiddenCharacter("First" + character + "second")).isNull();
    }

    @Test
    void lettersOfAnyScriptAndEmojiAreFine() {
        for (String text : new String[] {"Børnehuset Ærø", "Ünïcødé", "\u0645\u062F\u0631\u0633\u0629", "\u5B66\u6821",
                "\uD83D\uDE00 smiley"}) {
            assertThat(Text.forbiddenInLine(text)).as(text).isNull();
            assertThat(Text.forbiddenCharacter(text)).as(text).isNull();
        }
    }

    @Test
    void anEchoShowsNoControlDirectionOverrideOrInvisibleCharacter() {
        assertThat(Text.printable("a\u202eb\u200bc\nd")).isEqualTo("a?b?c?d");
    }
}
