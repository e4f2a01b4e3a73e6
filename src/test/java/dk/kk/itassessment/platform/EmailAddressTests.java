package dk.kk.itassessment.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An e-mail address as the contract means one: a dot-atom, {@code @}, a domain of LDH labels and a top-level domain. */
class EmailAddressTests {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.dk", "mette.hansen@example.dk", "MH@Example.DK", "mette.hansen+it@skole.kk.dk",
            "o'brien@example.ie", "first_last@example-school.dk", "a-b@a-b.c-d.dk", "x@b2b.dk", "1@2.dk",
            "!#$%&'*+/=?^_`{|}~-@example.dk", "it@xn--brnehave-g1a.dk", "shop@example.xn--p1ai",
            "a@sub.sub.sub.example.co.uk"})
    void anAddressAsPeopleWriteThemIsValid(String email) {
        assertThat(EmailAddress.isValid(email)).as(email).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@-example.dk", "a@example-.dk", "a@sub.-example.dk", "a@example.-dk", "a@example.dk-",
            "a@example", "a@localhost", "a@.example.dk", "a@example..dk", "a@example.dk.", ".a@example.dk",
            "a.@example.dk", "a..b@example.dk", "a b@example.dk", "\"a b\"@example.dk", "\"a\"@example.dk",
            "a@[127.0.0.1]", "a@127.0.0.1", "a@example.d", "a@example.d1", "a@example.123", "a@@example.dk",
            "a@b@example.dk", "@example.dk", "a@", "mette", "a@exa_mple.dk", "a@exämple.dk", "mé@example.dk",
            "a(comment)@example.dk", "a@example.dk\n", "a\u200b@example.dk", "a@example.dk\u202e",
            "a@example\u3002dk", "a@xn--.dk"})
    void anythingElseIsNot(String email) {
        assertThat(EmailAddress.isValid(email)).as(email).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void aLabelHasAtMost63Characters(int length) {
        assertThat(EmailAddress.isValid("a@" + "d".repeat(length) + ".dk")).isEqualTo(length <= 63);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void theLocalPartHasAtMost64Characters(int length) {
        assertThat(EmailAddress.isValid("m".repeat(length) + "@example.dk")).isEqualTo(length <= 64);
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void theAddressHasAtMost254Characters(int length) {
        String domain = "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(length - 64 - 1 - 63 - 1 - 63 - 1 - 3)
                + ".dk";
        String email = "m".repeat(64) + "@" + domain;
        assertThat(email).hasSize(length);
        assertThat(EmailAddress.isValid(email)).isEqualTo(length <= 254);
    }
}
