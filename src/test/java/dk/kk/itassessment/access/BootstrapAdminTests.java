package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The first ADMIN's configured password is checked by the accounts' rules, and a refusal says why, plainly. */
class BootstrapAdminTests {

    private static BootstrapAdmin.Refused refused(String password) {
        return catchThrowableOfType(BootstrapAdmin.Refused.class, () -> BootstrapAdmin.credentials(
                new SecuritySettings.BootstrapAdmin("admin", password), true));
    }

    @Test
    void aPasswordLongerThanBcryptReadsStopsTheStartWithTheReasonAndNotThePassword() {
        String password = "a-long-passphrase-".repeat(5);

        BootstrapAdmin.Refused refused = refused(password);

        assertThat(refused).hasMessage("assessment.security.bootstrap-admin.password must be at most 72 bytes in UTF-8 "
                + "(it has 90): bcrypt, which stores it, reads no more; a letter such as æ, ø or å takes two");
        FailureAnalysis analysis = new BootstrapAdminAnalyzer().analyze(new IllegalStateException(refused));
        assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
        assertThat(analysis.getAction()).contains("assessment.security.bootstrap-admin");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(password);
    }

    @Test
    void aShortOrMissingPasswordIsRefusedAndAGoodOneTaken() {
        assertThat(refused("short")).hasMessageContaining("must be at least 12 characters");
        assertThat(refused(null)).hasMessageContaining("is not set");
        assertThat(BootstrapAdmin.credentials(new SecuritySettings.BootstrapAdmin("admin", "p".repeat(72)), true))
                .isEqualTo(new BootstrapAdmin.Credentials("admin", "p".repeat(72), false));
        BootstrapAdmin.Credentials generated = BootstrapAdmin.credentials(
                new SecuritySettings.BootstrapAdmin("admin", null), false);
        assertThat(generated.generated()).isTrue();
        assertThat(AccountFields.passwordProblem(generated.password())).isNull();
    }

    @Test
    void aGeneratedPasswordIsLettersAndDigitsInGroups() {
        java.util.Set<String> passwords = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = BootstrapAdmin.generate();
            assertThat(password).matches("[a-zA-Z2-9]{6}(-[a-zA-Z2-9]{6}){3}").doesNotContain("0", "O", "o", "1", "l", "I");
            assertThat(AccountFields.passwordProblem(password)).isNull();
            passwords.add(password);
        }
        assertThat(passwords).hasSize(500);
    }
}
