package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The lockout's arithmetic (growing locks) and what counts as one client address, without the service. */
class LoginThrottleTests {

    private static final SecuritySettings.Lockout DEFAULTS = new SecuritySettings.Lockout(5, Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofHours(24));
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static LoginThrottle.Count fresh() {
        return new LoginThrottle.Count(0, 0, null, T);
    }

    @Test
    void theFifthFailureInARowLocksForAMinuteAndEachFailureAfterALockForTwiceAsLongUpToFifteen() {
        LoginThrottle.Count count = fresh();
        for (int i = 1; i <= 4; i++) {
            count = count.next(T, DEFAULTS);
            assertThat(count.lockedUntil()).as("failure %d", i).isNull();
        }
        Instant now = T;
        for (long minutes : new long[] {1, 2, 4, 8, 15, 15}) {
            count = count.next(now, DEFAULTS);
            assertThat(count.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(minutes)));
            assertThat(count.lockedAt(now)).isTrue();
            now = count.lockedUntil(); // the next guess waits for the lock to end
            assertThat(count.lockedAt(now)).isFalse();
        }
    }

    @Test
    void aCountWithoutAFailureForADayStartsAgain() {
        LoginThrottle.Count count = new LoginThrottle.Count(9, 3, T, T);

        LoginThrottle.Count next = count.next(T.plus(Duration.ofHours(25)), DEFAULTS);

        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.locks()).isZero();
        assertThat(next.lockedUntil()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.1", "10.1.2.3, 10.1.2.3", "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
            "2001:db8:1:2:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64", "0:0:0:0:0:0:0:1, 0:0:0:0::/64",
            "::ffff:192.0.2.7, 192.0.2.7"})
    void anIpv6AddressCountsByItsSlash64(String remote, String client) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);

        assertThat(LoginThrottle.client(new WebAuthenticationDetails(request))).isEqualTo(client);
    }

    @Test
    void aLoginWithoutARequestHasAnAddressOfItsOwn() {
        assertThat(LoginThrottle.client(null)).isEqualTo(LoginThrottle.NO_ADDRESS);
    }
}
