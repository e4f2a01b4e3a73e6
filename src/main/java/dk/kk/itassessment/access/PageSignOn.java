package dk.kk.itassessment.access;

import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signing in to the pages with the municipality's identity provider (OpenID Connect), where a client registration
 * is configured ({@code spring.security.oauth2.client.registration.<id>.*}): the roles and the username are read
 * from the same claims as single sign-on's bearer JWTs ({@code assessment.security.jwt.*}, {@link SingleSignOn}),
 * only the six known roles; a person without any gets pages for everyone only.
 */
final class PageSignOn {

    private PageSignOn() {
    }

    static Customizer<OAuth2LoginConfigurer<HttpSecurity>> login(SecuritySettings.Jwt claims) {
        return login -> login.loginPage("/login").failureUrl("/login?error")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users(claims)));
    }

    static OAuth2UserService<OidcUserRequest, OidcUser> users(SecuritySettings.Jwt claims) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            List<SimpleGrantedAuthority> authorities = SingleSignOn.roles(user.getClaims().get(claims.rolesClaim()))
                    .stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
            Object username = user.getClaims().get(claims.usernameClaim());
            String nameClaim = username instanceof String name && !name.isBlank() ? claims.usernameClaim() : "sub";
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
        };
    }
}
