package dev.payhooks.persistence.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.jdbc.ReturningWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Plain SQL over the connection of the caller's transaction, for rows a repository writes
 * without entities: no {@code persist}, no flush walking the session, and nothing the session
 * holds for these rows, so a later query in the same transaction reads them from the database.
 * The session's own pending changes are not flushed first; the repositories flush theirs at
 * once, so none are pending when such a write runs.
 *
 * <p>A failing statement fails as a failing flush does: the same {@code PersistenceException}
 * (a broken constraint keeps its SQLState in the cause chain) and the transaction marked
 * rollback-only, so nothing of it can commit half applied.
 */
public final class TransactionConnection {

    private static final String UNIQUE_VIOLATION = "23505";

    private TransactionConnection() {
    }

    /** SQLState 23505: a unique key or the primary key was violated (PostgreSQL and H2 alike). */
    public static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /** Runs {@code work} on the transaction's connection. */
    public static <T> T work(EntityManager em, ReturningWork<T> work) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        try {
            return session.doReturningWork(work);
        } catch (HibernateException failed) {
            throw session.getExceptionConverter().convert(failed);
        }
    }

    /** Fills in the parameters of one statement. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Inserts one row unless a row with the same {@code key} columns is stored (or being stored by
     * a transaction not yet committed, which this one then waits for); whether it inserted. The
     * transaction stays usable either way: PostgreSQL {@code INSERT … ON CONFLICT (key) DO NOTHING};
     * H2 a plain insert whose unique violation is caught, so a table written this way has no
     * unique constraint besides {@code key}.
     */
    public static boolean insertUnlessTaken(Connection connection, String insert, String key, Parameters parameters)
        throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement statement = connection.prepareStatement(
                postgres ? insert + " ON CONFLICT (" + key + ") DO NOTHING" : insert)) {
            parameters.bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!postgres && isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
