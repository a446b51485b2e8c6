package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.saleor.WebhookReplies;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@link WebhookReplies} on the {@code saleor_webhook_reply} table. The primary key decides
 * which of two concurrent deliveries is first, the way {@code JpaInboundNotifications} does:
 * PostgreSQL {@code INSERT … ON CONFLICT DO NOTHING}, H2 a plain insert whose unique violation
 * is caught, both over the transaction's own connection so nothing is marked rollback-only.
 * A concurrent insert of the same key waits for the first transaction, which only claims and
 * commits at once (no provider call inside), so the wait is short.
 */
public class JpaWebhookReplies implements WebhookReplies {

    private static final String INSERT = "INSERT INTO saleor_webhook_reply (scope, request_key, claimed_at) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT reply, claimed_at FROM saleor_webhook_reply WHERE scope = ? AND request_key = ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager em;

    public JpaWebhookReplies(EntityManager em) {
        this.em = em;
    }

    @Override
    public Claim claim(String scope, String key, Instant at) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
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

    @Override
    public void complete(String scope, String key, String reply, Instant at) {
        int updated = em.createNativeQuery("UPDATE saleor_webhook_reply SET reply = ?1, answered_at = ?2"
                + " WHERE scope = ?3 AND request_key = ?4 AND reply IS NULL")
            .setParameter(1, reply).setParameter(2, Timestamp.from(at)).setParameter(3, scope).setParameter(4, key)
            .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("reply " + key + " was not claimed or is answered already");
        }
    }

    @Override
    public void release(String scope, String key) {
        em.createNativeQuery("DELETE FROM saleor_webhook_reply WHERE scope = ?1 AND request_key = ?2 AND reply IS NULL")
            .setParameter(1, scope).setParameter(2, key).executeUpdate();
    }

    private static boolean inserted(Connection connection, String scope, String key, Instant at) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement insert = connection.prepareStatement(
                postgres ? INSERT + " ON CONFLICT (scope, request_key) DO NOTHING" : INSERT)) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!postgres && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
