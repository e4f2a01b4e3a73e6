package dk.kk.itassessment.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signing in to the pages with the identity provider: the person's roles and username come from the ID token's
 * claims as for single sign-on's bearer JWTs (only the six known roles), and {@link Caller#of} reads them and the
 * verified e-mail address from the session's authentication as from a JWT's.
 */
class PageSignOnTests {

    private static final SecuritySettings.Jwt CLAIMS = new SecuritySettings.Jwt("roles", "preferred_username");

    OidcUser signIn(Map<String, Object> claims) {
        ClientRegistration client = ClientRegistration.withRegistrationId("kk").clientId("pages")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://idp.example.dk/authorize").tokenUri("https://idp.example.dk/token")
                .scope("openid").build();
        Instant now = Instant.now();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
                now.plusSeconds(60), Set.of("openid"));
        OidcIdToken id = new OidcIdToken("id", now, now.plusSeconds(60), claims);
        return PageSignOn.users(CLAIMS).loadUser(new OidcUserRequest(client, access, id));
    }

    @Test
    void theRolesAndTheUsernameComeFromTheClaims() {
        OidcUser user = signIn(Map.of("sub", "a1b2", "preferred_username", "mette", "roles",
                List.of("REVIEWER", "SUPERUSER"), "email", "mette@kk.dk", "email_verified", true));
        Caller caller = Caller.of(new OAuth2AuthenticationToken(user, user.getAuthorities(), "kk"));
        assertThat(caller.username()).isEqualTo("mette");
        assertThat(caller.roles()).containsExactly(Role.REVIEWER);
        assertThat(caller.email()).isEqualTo("mette@kk.dk");
    }

    @Test
    void withoutAUsernameClaimTheSubjectNamesThePersonAndAnUnverifiedAddressIsNone() {
        OidcUser user = signIn(Map.of("sub", "a1b2", "roles", "REQUESTER ADMIN", "email", "x@kk.dk",
                "email_verified", false));
        Caller caller = Caller.of(new OAuth2AuthenticationToken(user, user.getAuthorities(), "kk"));
        assertThat(caller.username()).isEqualTo("a1b2");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.REQUESTER, Role.ADMIN);
        assertThat(caller.email()).isNull();
    }
}
