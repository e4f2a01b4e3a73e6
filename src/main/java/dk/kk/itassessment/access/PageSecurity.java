package dk.kk.itassessment.access;

import static dk.kk.itassessment.access.Role.ADMIN;
import static dk.kk.itassessment.access.Role.ADMINISTRATIVE_STAFF;
import static dk.kk.itassessment.access.Role.INTAKE_CLIENT;
import static dk.kk.itassessment.access.Role.POLICY_OFFICER;
import static dk.kk.itassessment.access.Role.REQUESTER;
import static dk.kk.itassessment.access.Role.REVIEWER;
import static org.springframework.http.HttpMethod.GET;

import dk.kk.itassessment.platform.PageErrorController;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open which page: the second security chain, for the pages people use in a browser (the API keeps its
 * own stateless chain, {@link WebSecurity}). A session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS: see
 * application.properties) after signing in with the login form, which checks passwords exactly as HTTP Basic does
 * ({@link ThrottledLogin}: the same lockout), or with the identity provider where an OIDC client registration is
 * configured ({@link PageSignOn}). Every form carries a CSRF token (htmx sends it as a header); signing out is a
 * POST. The rules per path mirror the API's for the same work: a page shows what the API would let the same person
 * see. Not signed in: to {@code /login} and back; signed in without the role (or a form without its token): the
 * 403 page. A Content-Security-Policy without inline script or style.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    /** The pages' paths; everything else is the API's ({@link WebSecurity}) or {@link OpenEndpoints}'. */
    static final String[] PATHS = {"/", "/login", "/logout", "/intake", "/intake/**", "/cases", "/cases/**",
        "/rulesets", "/rulesets/**", "/registry", "/registry/**", "/admin", "/admin/**", "/accessibility",
        "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/page-error/**", "/oauth2/**", "/login/oauth2/**"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pageFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> clients,
                                        SecuritySettings settings) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> pages = new ArrayList<>();
        for (String path : PATHS) {
            pages.add(paths.matcher(path));
        }
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage(PageErrorController.FORBIDDEN);
        http.securityMatcher(new OrRequestMatcher(pages))
                .headers(headers -> {
                    Hardening.headers(headers);
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
                })
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> requests
                        // the 403 page a refused request is forwarded to, and Spring's error page
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/login", "/accessibility", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/page-error/**").permitAll()
                        // as POST /api/v1/assessments and /preview (an intake client is a machine, not a person)
                        .requestMatchers("/intake", "/intake/**")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, ADMIN))
                        // as GET /api/v1/cases: the page shows what CaseService lets the caller see and do
                        .requestMatchers("/cases", "/cases/**")
                        .hasAnyRole(names(REQUESTER, ADMINISTRATIVE_STAFF, INTAKE_CLIENT, REVIEWER, POLICY_OFFICER, ADMIN))
                        // as /api/v1/rulesets: reviewers and admins read, policy officers change
                        .requestMatchers(GET, "/rulesets", "/rulesets/**")
                        .hasAnyRole(names(REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers("/rulesets", "/rulesets/**").hasRole(POLICY_OFFICER.name())
                        // as /api/v1/portfolio and /suppliers: staff and up read, admins change
                        .requestMatchers(GET, "/registry", "/registry/**")
                        .hasAnyRole(names(ADMINISTRATIVE_STAFF, REVIEWER, POLICY_OFFICER, ADMIN))
                        .requestMatchers("/registry", "/registry/**").hasRole(ADMIN.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(ADMIN.name())
                        .anyRequest().denyAll());
        ClientRegistrationRepository registrations = clients.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(PageSignOn.login(settings.jwt()));
        }
        return http.build();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
