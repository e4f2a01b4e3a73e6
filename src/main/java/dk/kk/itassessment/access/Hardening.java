package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.ErrorAnswers;
import java.time.Duration;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Security headers on top of Spring Security's defaults ({@code X-Content-Type-Options}, {@code X-Frame-Options},
 * {@code Cache-Control}, HSTS over HTTPS), and CORS for the configured intake-form origins only.
 */
final class Hardening {

    static final String API = "/api/**";
    /** JSON answers load nothing and are framed nowhere; Swagger UI (outside /api) needs its scripts. */
    static final String API_CONTENT_SECURITY_POLICY = ErrorAnswers.CONTENT_SECURITY_POLICY;

    private Hardening() {
    }

    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.withDefaults().matcher(API),
                        new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY)));
    }

    /** The intake forms may call /api/** from a browser: with a bearer token or Basic header, never with cookies. */
    static CorsConfigurationSource cors(SecuritySettings.Cors settings) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(List.copyOf(settings.allowedOrigins()));
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(API, api);
        return source;
    }
}
