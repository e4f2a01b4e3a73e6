package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CvrTests {

    @ParameterizedTest
    @ValueSource(strings = {"13585628", "13748136", "97017468", "95597297"})
    void weightedDigitsAddingUpToAMultipleOfElevenAreValid(String cvr) {
        assertThat(Cvr.isValid(cvr)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13585627", "03585628", "1358562", "135856280", "1358562a", " 13585628", "", "١٣٥٨٥٦٢٨"})
    void otherNumbersAreNot(String cvr) {
        assertThat(Cvr.isValid(cvr)).isFalse();
    }
}
