package dev.payhooks.app.server;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database for one test server alone. Beside a PostgreSQL database it is a fresh database on
 * the same server, created here and dropped on {@link #close()}; for anything else (no URL, or
 * H2) it is the given file database.
 */
record OwnDatabase(String url, String adminUrl, String name) implements AutoCloseable {

    static OwnDatabase beside(String sharedUrl, String fileFallback) throws SQLException {
        if (sharedUrl == null || !sharedUrl.startsWith("jdbc:postgresql:")) {
            return new OwnDatabase(fileFallback, null, null);
        }
        URI shared = URI.create(sharedUrl.substring("jdbc:".length()));
        String name = "payhooks_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String own = "jdbc:postgresql://" + shared.getRawAuthority() + "/" + name
            + (shared.getRawQuery() == null ? "" : "?" + shared.getRawQuery());
        try (Connection connection = DriverManager.getConnection(sharedUrl); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return new OwnDatabase(own, sharedUrl, name);
    }

    @Override
    public void close() throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
