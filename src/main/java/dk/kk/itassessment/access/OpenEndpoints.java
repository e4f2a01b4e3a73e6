package dk.kk.itassessment.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What anyone may read, GET or HEAD: the health (a load balancer's probe) and the API description with Swagger UI.
 * Credentials sent here are not looked at, so a wrong password sent to {@code /actuator/health} is no failed login
 * and counts towards no lock. The rest is {@link WebSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
class OpenEndpoints {

    static final String[] PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(0)
    SecurityFilterChain openFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> open = new ArrayList<>();
        for (String path : PATHS) {
            open.add(paths.matcher(GET, path));
            open.add(paths.matcher(HEAD, path));
        }
        return http.securityMatcher(new OrRequestMatcher(open))
                .headers(Hardening::headers)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
