package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.persistence.jpa.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inserting notification rows over a JDBC connection, so that a key taken already is a duplicate
 * and never an error that breaks the connection's transaction (why: {@link JpaInboundNotifications}):
 * on PostgreSQL {@code INSERT … ON CONFLICT … DO NOTHING}, several rows sent as one batch; on H2 a
 * plain {@code INSERT} per row whose unique violation is caught (H2 undoes only that statement).
 * A duplicate's stored id is read by its key afterwards, in the same transaction, so a key taken
 * by an earlier row of the same batch is found too.
 */
final class InboundNotificationRows {

    private static final String INSERT = "INSERT INTO inbound_notification (id, provider, dedup_key, merchant_id,"
        + " channel_slug, raw_body, headers, received_at, verification, verification_failure, status, status_reason,"
        + " attempts, last_attempt_at, version, dedup_merchant_id, dedup_channel_slug, correlation_id,"
        + " apply_lane) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNLESS_KEY_TAKEN = INSERT
        + " ON CONFLICT (provider, dedup_merchant_id, dedup_channel_slug, dedup_key) DO NOTHING";
    private static final String ID_BY_KEY = "SELECT id FROM inbound_notification WHERE provider = ?"
        + " AND dedup_merchant_id = ? AND dedup_channel_slug = ? AND dedup_key = ?";

    private InboundNotificationRows() {
    }

    /** Inserts the rows in the connection's transaction; one result per row, in their order. */
    static List<StoreResult> insert(Connection connection, List<InboundNotificationEntity> rows) throws SQLException {
        boolean[] inserted = isPostgresql(connection) ? insertUnlessKeyTaken(connection, rows) : insertOneByOne(connection, rows);
        List<StoreResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            InboundNotificationEntity row = rows.get(i);
            if (inserted[i]) {
                results.add(StoreResult.stored(row.id));
                continue;
            }
            String storedId = idByKey(connection, row).orElseThrow(() -> new IllegalStateException("notification "
                + row.provider + "/" + row.dedupMerchantId + "/" + row.dedupChannelSlug + "/" + row.dedupKey
                + " was reported as a duplicate but is not stored"));
            // a driver that reports no count for a batched row (rewritten batches) leaves the row's own id to tell
            results.add(storedId.equals(row.id) ? StoreResult.stored(row.id) : StoreResult.duplicateOf(storedId));
        }
        return results;
    }

    static boolean isPostgresql(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static boolean[] insertUnlessKeyTaken(Connection connection, List<InboundNotificationEntity> rows) throws SQLException {
        boolean[] inserted = new boolean[rows.size()];
        try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_KEY_TAKEN)) {
            if (rows.size() == 1) {
                bind(insert, rows.get(0));
                inserted[0] = insert.executeUpdate() == 1;
                return inserted;
            }
            for (InboundNotificationEntity row : rows) {
                bind(insert, row);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] == 1;
            }
        }
        return inserted;
    }

    private static boolean[] insertOneByOne(Connection connection, List<InboundNotificationEntity> rows) throws SQLException {
        boolean[] inserted = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            inserted[i] = insertOrReportDuplicate(connection, rows.get(i));
        }
        return inserted;
    }

    private static boolean insertOrReportDuplicate(Connection connection, InboundNotificationEntity row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, row);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // 23505 also covers a clash of primary keys, which is a bug and must surface
            if (TransactionConnection.isUniqueViolation(e) && idByKey(connection, row).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<String> idByKey(Connection connection, InboundNotificationEntity row) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ID_BY_KEY)) {
            setStrings(select, 1, row.provider, row.dedupMerchantId, row.dedupChannelSlug, row.dedupKey);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement insert, InboundNotificationEntity row) throws SQLException {
        setStrings(insert, 1, row.id, row.provider, row.dedupKey, row.merchantId, row.channelSlug);
        insert.setBytes(6, row.rawBody);
        insert.setString(7, row.headers);
        setTime(insert, 8, row.receivedAt);
        setStrings(insert, 9, row.verification, row.verificationFailure, row.status, row.statusReason);
        insert.setInt(13, row.attempts);
        setTime(insert, 14, row.lastAttemptAt);
        insert.setLong(15, row.version);
        setStrings(insert, 16, row.dedupMerchantId, row.dedupChannelSlug, row.correlationId);
        insert.setShort(19, row.applyLane);
    }

    /** Binds {@code values} to the parameters from {@code first} on, one each, in order. */
    private static void setStrings(PreparedStatement statement, int first, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(first + i, values[i]);
        }
    }

    /** In UTC, as Hibernate writes instants ({@code hibernate.jdbc.time_zone}), so both paths store alike. */
    private static void setTime(PreparedStatement insert, int index, Instant time) throws SQLException {
        if (time == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
