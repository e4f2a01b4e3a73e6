package dk.kk.itassessment.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Single sign-on: bearer JWTs of the municipality's identity provider, switched on by Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, JWK set or public key: then a {@link JwtDecoder}
 * exists). The roles come from {@code assessment.security.jwt.roles-claim}, only the six known ones; the username from
 * {@code .username-claim}, else {@code sub}. A token that does not verify gets the same 401 as a wrong password.
 * API keys ({@code Bearer itak_…}) are not JWTs and are left to their own filter.
 */
final class SingleSignOn {

    static final String API_KEY_PREFIX = "itak_";

    private SingleSignOn() {
    }

    static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> bearerJwts(JwtDecoder decoder,
                                                                              SecuritySettings.Jwt claims,
                                                                              ProblemAnswers problems) {
        return server -> server.bearerTokenResolver(new JwtsOnly())
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new Claims(claims)));
    }

    /** The roles a claim names: a list of strings or one string separated by spaces or commas; others ignored. */
    static Set<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            if (value instanceof String name && Role.NAMES.contains(name.trim())) {
                roles.add(Role.valueOf(name.trim()));
            }
        }
        return roles;
    }

    /** A verified token as the caller: the username and the known roles of its claims. */
    record Claims(SecuritySettings.Jwt settings) implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String username = jwt.getClaimAsString(settings.usernameClaim());
            if (username == null || username.isBlank()) {
                username = jwt.getSubject();
            }
            if (username == null || username.isBlank()) {
                throw new InvalidBearerTokenException("The token names no user");
            }
            List<SimpleGrantedAuthority> authorities = roles(jwt.getClaims().get(settings.rolesClaim())).stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, username);
        }
    }

    /** {@code Authorization: Bearer …} unless it is an API key. */
    static final class JwtsOnly implements BearerTokenResolver {

        private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

        @Override
        public String resolve(HttpServletRequest request) {
            String token = bearer.resolve(request);
            return token == null || token.startsWith(API_KEY_PREFIX) ? null : token;
        }
    }
}
