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
 * different configuration starts a second context and slows the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assessment.embedded-db.data-dir=target/test-postgres",
        "assessment.embedded-db.clean=true",
        "assessment.demo-data=false",
        "assessment.security.bootstrap-admin.username=" + IntegrationTest.BOOTSTRAP_ADMIN,
        "assessment.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD
})
@Import({Api.Config.class, RegistryFixtures.Config.class, TestAccounts.Config.class})
public @interface IntegrationTest {

    /** The first ADMIN, created at start-up from these properties; test-only, never a real password. */
    String BOOTSTRAP_ADMIN = "admin";
    String BOOTSTRAP_PASSWORD = "test-only-bootstrap-password-never-used-in-production";
}
