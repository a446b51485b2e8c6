package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.saleor.WebhookReplies;
import jakarta.persistence.EntityManager;
import dev.payhooks.persistence.jpa.PooledConnection;
import dev.payhooks.persistence.jpa.TransactionConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link WebhookReplies} on the {@code saleor_webhook_reply} table. The primary key decides
 * which of two concurrent deliveries is first. The claim is one auto-commit insert on a pooled
 * connection taken directly ({@link PooledConnection}), outside any container transaction, the way
 * the notification intake stores what it acknowledges: {@link TransactionConnection#insertUnlessTaken}
 * ({@code INSERT … ON CONFLICT DO NOTHING} on PostgreSQL, the unique violation caught on H2), and
 * for a taken key one more select of the stored row. A concurrent insert of the same key waits
 * only for that one statement's commit. The answer and the release go over the connection of the
 * caller's transaction, so the answer is stored exactly when the state change is.
 */
public class JpaWebhookReplies implements WebhookReplies {

    private static final String INSERT = "INSERT INTO saleor_webhook_reply (scope, request_key, claimed_at) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT reply, claimed_at FROM saleor_webhook_reply WHERE scope = ? AND request_key = ?";
    private static final String COMPLETE = "UPDATE saleor_webhook_reply SET reply = ?, answered_at = ?"
        + " WHERE scope = ? AND request_key = ? AND reply IS NULL";
    private static final String RELEASE = "DELETE FROM saleor_webhook_reply WHERE scope = ? AND request_key = ? AND reply IS NULL";

    /** A taken key whose row is gone before it is read (released meanwhile) is claimed again, this often at most. */
    private static final int ATTEMPTS = 3;

    private final EntityManager em;
    private final DataSource dataSource;

    /**
     * @param em         the container's persistence context, for the answer and the release
     * @param dataSource the pool the claim takes its own connection from
     */
    public JpaWebhookReplies(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Commits on its own before it returns; it must be called outside any container transaction. */
    @Override
    public Claim claim(String scope, String key, Instant at) {
        return PooledConnection.work(dataSource, false, () -> "claiming reply " + key, connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (inserted(connection, scope, key, at)) {
                    return new Claimed();
                }
                Optional<Claim> stored = stored(connection, scope, key);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            throw new IllegalStateException("reply " + key + " was reported as taken but is not stored");
        });
    }

    /**
     * Over the transaction's connection: a native query through the session would
     * first flush it whole and then drop every cached entity description as possibly changed.
     */
    @Override
    public void complete(String scope, String key, String reply, Instant at) {
        int updated = TransactionConnection.work(em, connection -> {
            try (PreparedStatement update = connection.prepareStatement(COMPLETE)) {
                update.setString(1, reply);
                update.setTimestamp(2, Timestamp.from(at));
                update.setString(3, scope);
                update.setString(4, key);
                return update.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalStateException("reply " + key + " was not claimed or is answered already");
        }
    }

    @Override
    public void release(String scope, String key) {
        TransactionConnection.work(em, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(RELEASE)) {
                delete.setString(1, scope);
                delete.setString(2, key);
                return delete.executeUpdate();
            }
        });
    }

    private static Optional<Claim> stored(Connection connection, String scope, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String reply = row.getString(1);
                return Optional.of(reply != null ? new Answered(reply) : new InProgress(row.getTimestamp(2).toInstant()));
            }
        }
    }

    private static boolean inserted(Connection connection, String scope, String key, Instant at) throws SQLException {
        return TransactionConnection.insertUnlessTaken(connection, INSERT, "scope, request_key", insert -> {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(at));
        });
    }
}
