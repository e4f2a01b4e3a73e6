package dk.kk.itassessment.access;

import static dk.kk.itassessment.access.Role.ADMIN;
import static dk.kk.itassessment.access.Role.ADMINISTRATIVE_STAFF;
import static dk.kk.itassessment.access.Role.INTAKE_CLIENT;
import static dk.kk.itassessment.access.Role.POLICY_OFFICER;
import static dk.kk.itassessment.access.Role.REQUESTER;
import static dk.kk.itassessment.access.Role.REVIEWER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what (the table in docs/authorization.md; AuthorizationMatrixTests holds the same table and fails
 * for an operation without a decision). Stateless HTTP Basic (and bearer JWTs where an identity provider is
 * configured): no session, no cookie, so no CSRF token either.
 * What is not named here is denied.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final String[] CASE_READERS = names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER,
            POLICY_OFFICER, ADMIN);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAnswers problems, SecuritySettings settings,
                                            ObjectProvider<JwtDecoder> jwtDecoder, ApiKeyService apiKeys) throws Exception {
        // API keys (Bearer itak_…) before HTTP Basic; other bearer tokens pass through untouched
        http.addFilterBefore(new ApiKeyAuthentication(apiKeys, problems), BasicAuthenticationFilter.class);
        // Single sign-on only where an identity provider is configured (spring.security.oauth2.resourceserver.jwt.*).
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(SingleSignOn.bearerJwts(decoder, settings.jwt(), problems));
        }
        if (!settings.cors().allowedOrigins().isEmpty()) {
            http.cors(cors -> cors.configurationSource(Hardening.cors(settings.cors())));
        }
        http.headers(Hardening::headers)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(ProblemAnswers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        // Spring's error page renders what a request already earned; it is no entry of its own.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // GET and HEAD of the health and the API description: OpenEndpoints, open to anyone
                        .requestMatchers("/actuator", "/actuator/**").hasRole(ADMIN.name())
                        .requestMatchers(POST, "/api/v1/assessments", "/api/v1/assessments/preview")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, ADMIN))
                        // Requesters, staff and intake clients read only their own (AssessmentService).
                        .requestMatchers(GET, "/api/v1/assessments", "/api/v1/assessments/*")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers(GET, "/api/v1/portfolio", "/api/v1/portfolio/*", "/api/v1/suppliers",
                                "/api/v1/suppliers/*")
                        .hasAnyRole(names(ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers("/api/v1/portfolio", "/api/v1/portfolio/**", "/api/v1/suppliers",
                                "/api/v1/suppliers/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN.name())
                        .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**").hasRole(ADMIN.name())
                        .requestMatchers(GET, "/api/v1/audit", "/api/v1/audit/verify").hasRole(ADMIN.name())
                        // Policy officers change the policy; reviewers and admins read it and replay decisions.
                        .requestMatchers(GET, "/api/v1/rulesets", "/api/v1/rulesets/**")
                        .hasAnyRole(names(REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers(POST, "/api/v1/rulesets/drafts", "/api/v1/rulesets/*/approvals",
                                "/api/v1/rulesets/*/activate", "/api/v1/rulesets/*/accepted-outcomes",
                                "/api/v1/rulesets/*/withdraw")
                        .hasRole(POLICY_OFFICER.name())
                        .requestMatchers(POST, "/api/v1/assessments/*/replay")
                        .hasAnyRole(names(REVIEWER, POLICY_OFFICER, ADMIN))
                        // Cases: reading follows reading the assessment (CaseService); the office's counts
                        .requestMatchers(GET, "/api/v1/cases/statistics").hasAnyRole(names(REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers(GET, "/api/v1/cases", "/api/v1/cases/*", "/api/v1/cases/*/history",
                                "/api/v1/cases/*/case-file.pdf")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, POLICY_OFFICER, ADMIN))
                        // items and withdrawal: a reviewer, or the case's requester (whoever submitted it, or the
                        // account of its requester's e-mail) and staff for their items, decided per case by Case
                        .requestMatchers(PUT, "/api/v1/cases/*/items/*")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, ADMIN))
                        .requestMatchers(POST, "/api/v1/cases/*/withdraw")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, ADMIN))
                        .requestMatchers(POST, "/api/v1/cases/*/comments", "/api/v1/cases/*/decision",
                                "/api/v1/cases/*/reassess").hasRole(REVIEWER.name())
                        .requestMatchers(PUT, "/api/v1/cases/*/assignee").hasRole(REVIEWER.name())
                        // notifications: whoever may read the case subscribes (Subscriptions decides, 404 else)
                        .requestMatchers(PUT, "/api/v1/cases/*/subscription").hasAnyRole(CASE_READERS)
                        .requestMatchers(DELETE, "/api/v1/cases/*/subscription").hasAnyRole(CASE_READERS)
                        .requestMatchers(GET, "/api/v1/cases/*/subscribers").hasRole(REVIEWER.name())
                        .requestMatchers(GET, "/api/v1/mail/outbox").hasRole(ADMIN.name())
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
