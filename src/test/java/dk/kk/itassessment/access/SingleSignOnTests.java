package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The roles claim as roles, and which bearer tokens are taken for JWTs (not API keys). */
class SingleSignOnTests {

    @Test
    void rolesAreAListOrOneStringAndOnlyTheSixKnownOnesCount() {
        assertThat(SingleSignOn.roles(List.of("REVIEWER", "ADMIN"))).containsExactlyInAnyOrder(Role.REVIEWER, Role.ADMIN);
        assertThat(SingleSignOn.roles("REQUESTER INTAKE_CLIENT")).containsExactlyInAnyOrder(Role.REQUESTER, Role.INTAKE_CLIENT);
        assertThat(SingleSignOn.roles(" REVIEWER,POLICY_OFFICER , ")).containsExactlyInAnyOrder(Role.REVIEWER, Role.POLICY_OFFICER);
        assertThat(SingleSignOn.roles(List.of("admin", "ROLE_ADMIN", "SUPERUSER", 42))).isEmpty();
        assertThat(SingleSignOn.roles(null)).isEmpty();
        assertThat(SingleSignOn.roles(Map.of("ADMIN", true))).isEmpty();
        assertThat(SingleSignOn.roles("")).isEmpty();
    }

    @Test
    void apiKeysAreNoJwts() {
        SingleSignOn.JwtsOnly resolver = new SingleSignOn.JwtsOnly();

        assertThat(resolver.resolve(bearer("Bearer itak_0123456789abcdef"))).isNull();
        assertThat(resolver.resolve(bearer("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))).isEqualTo("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(resolver.resolve(bearer("Basic dXNlcjpwYXNzd29yZA=="))).isNull();
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
    }

    private static MockHttpServletRequest bearer(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        return request;
    }
}
