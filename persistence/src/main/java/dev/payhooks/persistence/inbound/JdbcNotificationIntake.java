package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationIntake;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The acknowledging path's {@link NotificationIntake}: a request's notifications go over one
 * pooled connection used directly, without a container transaction or a persistence context, with
 * the statements of {@link InboundNotificationRows}. One notification is one
 * {@code INSERT … ON CONFLICT DO NOTHING} in auto-commit (the statement is its own transaction);
 * several are one batch of those in one local transaction, committed before this returns or
 * rolled back whole. A duplicate adds one select of the stored id.
 *
 * <p>It must be called outside any container transaction: the pool would enlist the connection in
 * it, and the rows would commit with that transaction instead of before the answer. The worker's
 * apply path reads and changes the rows through {@link JpaInboundNotifications}, in its own
 * transactions.
 */
public final class JdbcNotificationIntake implements NotificationIntake {

    private final DataSource dataSource;

    public JdbcNotificationIntake(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoreResult> storeAll(List<InboundNotification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        List<InboundNotificationEntity> rows = notifications.stream().map(InboundNotificationMapper::toNewEntity).toList();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean oneTransaction = rows.size() > 1;
            if (autoCommit == oneTransaction) {
                connection.setAutoCommit(!oneTransaction);
            }
            try {
                List<StoreResult> results = InboundNotificationRows.insert(connection, rows);
                if (oneTransaction) {
                    connection.commit();
                }
                return results;
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
            throw new PersistenceException("storing " + rows.size() + " received notification(s) failed", e);
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
