package dev.payhooks.app.health;

import dev.payhooks.adapters.api.SafeErrors;
import dev.payhooks.app.startup.DatabaseStartup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Ready when the database answers and its schema is migrated; reports product and schema version. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = DatabaseStartup.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            response.withData("database", connection.getMetaData().getDatabaseProductName());
            try (PreparedStatement query = connection.prepareStatement(
                    "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null "
                        + "order by \"installed_rank\" desc");
                 ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return response.down().withData("error", "no schema migrations applied").build();
                }
                response.withData("schemaVersion", rows.getString(1));
            }
            return response.up().build();
        } catch (SQLException | RuntimeException e) {
            // never the raw message: it names hosts, users and statements (SafeErrors)
            return response.down().withData("error", "database unavailable: " + SafeErrors.summary(e)).build();
        }
    }
}
