package dk.kk.itassessment.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer itak_…}: authenticates the holder of an unrevoked API key with the key's roles, as
 * {@code api-key:<name>}. A bearer token without the prefix is left alone (a JWT, for whoever reads those); a token
 * with it that is not a valid key (malformed, unknown, revoked) gets the same 401 problem as a wrong password.
 * Not a bean: it runs only inside the security filter chain ({@link WebSecurity}).
 */
final class ApiKeyAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthentication(ApiKeyService keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    /** The holder of a key as the principal: its name is the caller's ({@code api-key:<name>}). */
    record ApiKeyPrincipal(UUID id, String keyName) implements AuthenticatedPrincipal {
        @Override
        public String getName() {
            return "api-key:" + keyName;
        }
    }

    /** Whether a bearer token is meant as an API key (the rest, e.g. a JWT, is for another reader). */
    static boolean isApiKey(String bearerToken) {
        return bearerToken != null && bearerToken.startsWith(ApiKeyService.PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        if (!isApiKey(token)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Holder> holder = keys.holder(token);
        if (holder.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Not a valid API key"));
            return;
        }
        ApiKeys.Holder key = holder.get();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                new ApiKeyPrincipal(key.id(), key.name()), null,
                key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
