package dev.payhooks.persistence.retention;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.persistence.inbound.HeadersJson;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExpiredRecords} on JPA. The caller owns the transaction. Each batch first reads the ids
 * it will handle (a short indexed read, at most {@code limit} rows), then deletes or updates
 * exactly those ids, repeating the condition in the write: a row another instance handled
 * meanwhile is not counted twice, and one that stopped qualifying (a replayed delivery, a
 * notification taken up again) is left alone. Bulk statements go past the persistence context,
 * which the container opens per transaction, so nothing stale stays behind.
 *
 * <p>Events go with their deliveries and attempts through the schema's {@code ON DELETE CASCADE}.
 */
public class JpaExpiredRecords implements ExpiredRecords {

    private static final List<String> OVER = List.of(ProcessingStatus.PROCESSED.name(), ProcessingStatus.IGNORED.name());
    private static final List<String> FINISHED_DELIVERY = List.of(DeliveryStatus.SUCCEEDED.name(), DeliveryStatus.DEAD.name());
    /** Processing is over, or failed for good (no attempts left): nothing will read the body to apply it again. */
    private static final String NOT_AWAITING = "(n.status in :over or (n.status = :failed and n.attempts >= :maxAttempts))";

    private final EntityManager em;

    public JpaExpiredRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public int deleteFinishedNotifications(Instant receivedBefore, int limit) {
        List<String> ids = em.createQuery("select n.id from InboundNotificationEntity n"
                + " where n.status in :over and n.receivedAt < :before order by n.receivedAt, n.id", String.class)
            .setParameter("over", OVER)
            .setParameter("before", receivedBefore)
            .setMaxResults(requirePositive(limit))
            .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from InboundNotificationEntity n where n.id in :ids and n.status in :over"
                + " and n.receivedAt < :before")
            .setParameter("ids", ids)
            .setParameter("over", OVER)
            .setParameter("before", receivedBefore)
            .executeUpdate();
    }

    @Override
    public List<StoredBody> unredactedFinishedNotifications(Instant receivedBefore, int limit) {
        return em.createQuery("select n.id, n.provider, n.headers, n.rawBody from InboundNotificationEntity n"
                + " where n.redactedAt is null and n.receivedAt < :before and " + NOT_AWAITING
                + " order by n.receivedAt, n.id", Object[].class)
            .setParameter("before", receivedBefore)
            .setParameter("over", OVER)
            .setParameter("failed", ProcessingStatus.FAILED.name())
            .setParameter("maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS)
            .setMaxResults(requirePositive(limit))
            .getResultStream()
            .map(row -> new StoredBody((String) row[0], ProviderId.fromSlug((String) row[1]),
                Optional.ofNullable(HeadersJson.read((String) row[2]).get("content-type")), (byte[]) row[3]))
            .toList();
    }

    @Override
    public boolean replaceWithRedactedBody(String notificationId, byte[] redactedBody, Instant at) {
        // native: the entity maps raw_body as never updated, which Hibernate would honour here too
        return em.createNativeQuery("update inbound_notification n set raw_body = :body, redacted_at = :at,"
                + " version = version + 1 where id = :id and redacted_at is null"
                + " and (status in (:over) or (status = :failed and attempts >= :maxAttempts))")
            .setParameter("body", redactedBody)
            .setParameter("at", at)
            .setParameter("id", notificationId)
            .setParameter("over", OVER)
            .setParameter("failed", ProcessingStatus.FAILED.name())
            .setParameter("maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS)
            .executeUpdate() == 1;
    }

    @Override
    public int deleteAttemptsOfFinishedDeliveries(Instant finishedBefore, int limit) {
        List<String> ids = em.createQuery("select d.id from DeliveryEntity d where d.status in :finished"
                + " and d.updatedAt < :before and d.attempts is not empty order by d.updatedAt, d.id", String.class)
            .setParameter("finished", FINISHED_DELIVERY)
            .setParameter("before", finishedBefore)
            .setMaxResults(requirePositive(limit))
            .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from delivery_attempt where delivery_id in (select d.id from delivery d"
                + " where d.id in (:ids) and d.status in (:finished) and d.updated_at < :before)")
            .setParameter("ids", ids)
            .setParameter("finished", FINISHED_DELIVERY)
            .setParameter("before", finishedBefore)
            .executeUpdate();
    }

    @Override
    public int deleteFinishedEvents(Instant createdBefore, int limit) {
        String stillPending = "exists (select d.id from DeliveryEntity d where d.eventId = e.eventId and d.status = :pending)";
        List<String> ids = em.createQuery("select e.eventId from OutboundEventEntity e where e.createdAt < :before"
                + " and not " + stillPending + " order by e.createdAt, e.eventId", String.class)
            .setParameter("before", createdBefore)
            .setParameter("pending", DeliveryStatus.PENDING.name())
            .setMaxResults(requirePositive(limit))
            .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from OutboundEventEntity e where e.eventId in :ids and not " + stillPending)
            .setParameter("ids", ids)
            .setParameter("pending", DeliveryStatus.PENDING.name())
            .executeUpdate();
    }

    @Override
    public int deleteAuditEntries(Instant recordedBefore, int limit) {
        List<String> ids = em.createQuery("select a.id from AuditEntryEntity a where a.recordedAt < :before"
                + " order by a.recordedAt, a.id", String.class)
            .setParameter("before", recordedBefore)
            .setMaxResults(requirePositive(limit))
            .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from AuditEntryEntity a where a.id in :ids")
            .setParameter("ids", ids)
            .executeUpdate();
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return limit;
    }
}
