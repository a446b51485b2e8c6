package dev.payhooks.app.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseReadinessTest {

    /** The container provides MicroProfile Health's builder; outside it, this minimal one. */
    @BeforeAll
    static void builder() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            String name;
            boolean up;
            final Map<String, Object> data = new LinkedHashMap<>();

            @Override public HealthCheckResponseBuilder name(String name) { this.name = name; return this; }
            @Override public HealthCheckResponseBuilder withData(String key, String value) { data.put(key, value); return this; }
            @Override public HealthCheckResponseBuilder withData(String key, long value) { data.put(key, value); return this; }
            @Override public HealthCheckResponseBuilder withData(String key, boolean value) { data.put(key, value); return this; }
            @Override public HealthCheckResponseBuilder up() { up = true; return this; }
            @Override public HealthCheckResponseBuilder down() { up = false; return this; }
            @Override public HealthCheckResponseBuilder status(boolean up) { this.up = up; return this; }
            @Override public HealthCheckResponse build() {
                return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.copyOf(data)));
            }
        });
    }

    @Test
    void aFailingDatabaseIsDownWithoutTheDriversMessage() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new SQLException("FATAL: password authentication failed for user \"payhooks_prod\" at db-7.internal:5432",
                    "28P01");
            });

        HealthCheckResponse response = readiness.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String error = String.valueOf(response.getData().orElseThrow().get("error"));
        assertFalse(error.contains("payhooks_prod"), error);
        assertFalse(error.contains("db-7.internal"), error);
        assertTrue(error.contains("28P01"), error);
    }
}
