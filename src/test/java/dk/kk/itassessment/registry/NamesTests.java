package dk.kk.itassessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTests {

    @Test
    void extraWhiteSpaceAndCaseDoNotMatter() {
        assertThat(Names.normalise("skolesoft  fravær")).isEqualTo(Names.normalise("Skolesoft Fravær"));
        assertThat(Names.normalise("  Skolesoft \t\n Fravær ")).isEqualTo("skolesoft fravær");
    }

    @Test
    void fullWidthLettersAreTheirPlainForms() {
        assertThat(Names.normalise("ＭatFessor")).isEqualTo(Names.normalise("matfessor")).isEqualTo("matfessor");
    }

    @Test
    void noBreakSpacesAndComposedLettersAreCompared() {
        assertThat(Names.normalise("Kahoot!\u00a0 Quiz")).isEqualTo("kahoot! quiz");
        assertThat(Names.normalise("Fravæ\u0072")).isEqualTo(Names.normalise("FRAVÆR"));
        assertThat(Names.normalise("A\u030angstrøm")).isEqualTo(Names.normalise("Ångstrøm"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Names.normalise("Aula")).isNotEqualTo(Names.normalise("Aula Skole"));
        assertThat(Names.normalise(null)).isNull();
    }
}
