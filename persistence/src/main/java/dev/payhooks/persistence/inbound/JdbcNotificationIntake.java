package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationIntake;
import dev.payhooks.persistence.jpa.PooledConnection;

import javax.sql.DataSource;
import java.util.List;

/**
 * The acknowledging path's {@link NotificationIntake}: a request's notifications go over one
 * pooled connection used directly ({@link PooledConnection}), without a container transaction or a
 * persistence context, with the statements of {@link InboundNotificationRows}. One notification is one
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
        return PooledConnection.work(dataSource, rows.size() > 1,
            () -> "storing " + rows.size() + " received notification(s)",
            connection -> InboundNotificationRows.insert(connection, rows));
    }
}
