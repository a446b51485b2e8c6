package dev.payhooks.app.startup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Lets one server instance at a time create what a database needs before first use (the first
 * administrator, the default merchant). Holds the row lock of {@code first_start_lock} on a
 * connection of its own while {@code work} runs in its own transactions, and releases it after
 * they have committed: an instance that starts at the same moment waits, then finds what the
 * first one created. Instances on a database that is already set up take the lock only for the
 * moment their checks need.
 */
final class FirstStartLock {

    /** How long an instance waits for another one's first start (H2 otherwise gives up after a second). */
    static final Duration WAIT = Duration.ofSeconds(60);

    private FirstStartLock() {
    }

    static void holding(DataSource dataSource, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            long h2Timeout = h2 ? h2LockTimeout(connection) : 0;
            connection.setAutoCommit(false);
            try {
                if (h2) {
                    setH2LockTimeout(connection, WAIT.toMillis());
                }
                try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM first_start_lock WHERE id = 1 FOR UPDATE");
                     ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new StartupFailure("the database has no first_start_lock row: its migrations are incomplete");
                    }
                }
                work.run();
            } finally {
                connection.rollback(); // nothing was written on this connection: this only releases the lock
                connection.setAutoCommit(autoCommit);
                if (h2) {
                    setH2LockTimeout(connection, h2Timeout); // the connection goes back to the pool as it came
                }
            }
        } catch (SQLException e) {
            throw new StartupFailure("could not take the first-start lock", e);
        }
    }

    private static long h2LockTimeout(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("CALL LOCK_TIMEOUT()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void setH2LockTimeout(Connection connection, long millis) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + millis);
        }
    }
}
