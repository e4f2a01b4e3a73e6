package dk.kk.itassessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Puts the registry into a known state for a test: {@link #clear()} empties the suppliers and the portfolio;
 * {@link #load(JsonNode)} registers an example's {@code registry} part ({@code {suppliers: [...], portfolio: [...]}})
 * through the API.
 */
public class RegistryFixtures {

    private final JdbcClient jdbc;
    private final Api api;

    RegistryFixtures(JdbcClient jdbc, Api api) {
        this.jdbc = jdbc;
        this.api = api;
    }

    /** Removes every supplier and portfolio entry (and with them the entries' names). */
    public void clear() {
        jdbc.sql("DELETE FROM portfolio_entries").update();
        jdbc.sql("DELETE FROM suppliers").update();
    }

    /** POSTs each supplier and portfolio entry of {@code registry}; each must answer 201. */
    public void load(JsonNode registry) {
        post("/api/v1/suppliers", registry.get("suppliers"));
        post("/api/v1/portfolio", registry.get("portfolio"));
    }

    private void post(String path, JsonNode items) {
        if (items == null || items.isNull()) {
            return;
        }
        for (JsonNode item : items.values()) {
            Api.Response response = api.post(path, item);
            assertThat(response.status()).as("POST %s %s: %s", path, item, response.text()).isEqualTo(201);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Lazy
        RegistryFixtures registryFixtures(JdbcClient jdbc, Api api) {
            return new RegistryFixtures(jdbc, api);
        }
    }
}
