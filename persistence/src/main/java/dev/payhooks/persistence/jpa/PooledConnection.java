package dev.payhooks.persistence.jpa;

import jakarta.persistence.PersistenceException;
import org.hibernate.jdbc.ReturningWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Plain SQL on a pooled connection taken directly, without a container transaction or a
 * persistence context, for rows that must be committed before the caller goes on: in auto-commit
 * (each statement is its own transaction) or as one local transaction, committed before this
 * returns or rolled back whole. The connection's auto-commit is set back before it returns to
 * the pool.
 *
 * <p>It must be used outside any container transaction: the pool would enlist the connection in
 * it, and the rows would commit with that transaction instead of before this returns.
 */
public final class PooledConnection {

    private PooledConnection() {
    }

    /**
     * Runs {@code work} on a connection of {@code dataSource}; {@code oneTransaction} runs it in one
     * local transaction, otherwise each statement commits on its own. A failing statement is a
     * {@link PersistenceException} naming {@code what}, with the SQL failure as its cause.
     */
    public static <T> T work(DataSource dataSource, boolean oneTransaction, Supplier<String> what, ReturningWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit == oneTransaction) {
                connection.setAutoCommit(!oneTransaction);
            }
            try {
                T result = work.execute(connection);
                if (oneTransaction) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException failure) {
                if (oneTransaction) {
                    rollback(connection, failure);
                }
                throw failure;
            } finally {
                if (connection.getAutoCommit() != autoCommit) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(what.get() + " failed", e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
