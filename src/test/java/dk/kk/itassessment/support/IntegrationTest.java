package dk.kk.itassessment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context every integration test shares: the real service on a random port, on one embedded
 * PostgreSQL for the whole test run, with no demo data. Do not add properties or mocks per test class: a
 * different configuration starts a second context and slows the suite. Single sign-on is on, with the public key of
 * a test-only key pair (src/test/resources/test-jwt-*.pem: tests sign their own tokens), and CORS allows
 * {@link #INTAKE_ORIGIN}. The pages offer an OIDC login with a test-only client registration ({@code test-idp}) whose
 * provider does not exist: only the redirect to it is followed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assessment.embedded-db.data-dir=target/test-postgres",
        "assessment.embedded-db.clean=true",
        "assessment.demo-data=false",
        "assessment.security.bootstrap-admin.username=" + IntegrationTest.BOOTSTRAP_ADMIN,
        "assessment.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
        "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
        "assessment.security.cors.allowed-origins=" + IntegrationTest.INTAKE_ORIGIN,
        // the pages' OIDC login, pointing nowhere: the tests follow it as far as the redirect to the provider
        "spring.security.oauth2.client.registration.test-idp.client-name=Test-IdP",
        "spring.security.oauth2.client.registration.test-idp.client-id=it-assessment-test",
        "spring.security.oauth2.client.registration.test-idp.client-secret=test-only-client-secret",
        "spring.security.oauth2.client.registration.test-idp.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.test-idp.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.test-idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.test-idp.authorization-uri=https://idp.example.test/authorize",
        "spring.security.oauth2.client.provider.test-idp.token-uri=https://idp.example.test/token",
        "spring.security.oauth2.client.provider.test-idp.jwk-set-uri=https://idp.example.test/jwks",
        "spring.security.oauth2.client.provider.test-idp.user-name-attribute=sub"
})
@Import({Api.Config.class, RegistryFixtures.Config.class, TestAccounts.Config.class, StoredEvents.Config.class,
        DatabaseOwner.Config.class})
public @interface IntegrationTest {

    /** The first ADMIN, created at start-up from these properties; test-only, never a real password. */
    String BOOTSTRAP_ADMIN = "admin";
    String BOOTSTRAP_PASSWORD = "test-only-bootstrap-password-never-used-in-production";

    /** The one origin CORS allows in the tests. */
    String INTAKE_ORIGIN = "https://intake.example.dk";
}
