package dk.kk.itassessment.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The readiness probe's look at the database ({@code /actuator/health/readiness}, group "readiness" in
 * application.properties): DOWN while no connection is found within the pool's connection timeout or does not answer
 * within {@value #VALID_SECONDS} s, so that a load balancer sends requests elsewhere; liveness stays UP (a restart
 * of the service would not bring the database back).
 */
@Component("database")
class DatabaseReadiness implements HealthIndicator {

    static final int VALID_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_SECONDS) ? Health.up().build() : Health.down().build();
        } catch (SQLException e) {
            return Health.down().build();
        }
    }
}
