package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.saleor.WebhookReplies;
import jakarta.persistence.EntityManager;
import dev.payhooks.persistence.jpa.TransactionConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@link WebhookReplies} on the {@code saleor_webhook_reply} table. The primary key decides
 * which of two concurrent deliveries is first, the way {@code JpaInboundNotifications} does:
 * {@link TransactionConnection#insertUnlessTaken} over the transaction's own connection, so a
 * taken key leaves the transaction usable.
 * A concurrent insert of the same key waits for the first transaction, which only claims and
 * commits at once (no provider call inside), so the wait is short.
 */
public class JpaWebhookReplies implements WebhookReplies {

    private static final String INSERT = "INSERT INTO saleor_webhook_reply (scope, request_key, claimed_at) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT reply, claimed_at FROM saleor_webhook_reply WHERE scope = ? AND request_key = ?";
    private static final String COMPLETE = "UPDATE saleor_webhook_reply SET reply = ?, answered_at = ?"
        + " WHERE scope = ? AND request_key = ? AND reply IS NULL";
    private static final String RELEASE = "DELETE FROM saleor_webhook_reply WHERE scope = ? AND request_key = ? AND reply IS NULL";

    private final EntityManager em;

    public JpaWebhookReplies(EntityManager em) {
        this.em = em;
    }

    @Override
    public Claim claim(String scope, String key, Instant at) {
        return TransactionConnection.work(em, connection -> {
            if (inserted(connection, scope, key, at)) {
                return new Claimed();
            }
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("reply " + key + " was reported as taken but is not stored");
                    }
                    String reply = row.getString(1);
                    return reply != null ? new Answered(reply) : new InProgress(row.getTimestamp(2).toInstant());
                }
            }
        });
    }

    /**
     * Over the transaction's connection, like the claim: a native query through the session would
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

    private static boolean inserted(Connection connection, String scope, String key, Instant at) throws SQLException {
        return TransactionConnection.insertUnlessTaken(connection, INSERT, "scope, request_key", insert -> {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(at));
        });
    }
}
