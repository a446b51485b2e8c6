package dev.payhooks.persistence.retention;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.persistence.inbound.HeadersJson;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.Jpql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
    private static final Object[] NOT_AWAITING_PARAMETERS =
        {"over", OVER, "failed", ProcessingStatus.FAILED.name(), "maxAttempts", InboundNotification.MAX_PROCESSING_ATTEMPTS};

    private final EntityManager em;

    public JpaExpiredRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public int deleteFinishedNotifications(Instant receivedBefore, int limit) {
        String finished = "n.status in :over and n.receivedAt < :before";
        return inBatch(limit, "select n.id from InboundNotificationEntity n where " + finished + " order by n.receivedAt, n.id",
            em::createQuery, "delete from InboundNotificationEntity n where n.id in :ids and " + finished,
            "over", OVER, "before", receivedBefore);
    }

    @Override
    public List<StoredBody> unredactedFinishedNotifications(Instant receivedBefore, int limit) {
        return Jpql.bind(em.createQuery("select n.id, n.provider, n.headers, n.rawBody from InboundNotificationEntity n"
                + " where n.redactedAt is null and n.receivedAt < :before and " + NOT_AWAITING
                + " order by n.receivedAt, n.id", Object[].class), NOT_AWAITING_PARAMETERS).setParameter("before", receivedBefore)
            .setMaxResults(JpaRepository.atLeastOne(limit))
            .getResultStream()
            .map(row -> new StoredBody((String) row[0], ProviderId.fromSlug((String) row[1]),
                Optional.ofNullable(HeadersJson.read((String) row[2]).get("content-type")), (byte[]) row[3]))
            .toList();
    }

    @Override
    public boolean replaceWithRedactedBody(String notificationId, byte[] redactedBody, Instant at) {
        // native: the entity maps raw_body as never updated, which Hibernate would honour here too
        return Jpql.bind(em.createNativeQuery("update inbound_notification n set raw_body = :body, redacted_at = :at,"
                + " version = version + 1 where id = :id and redacted_at is null"
                + " and (status in (:over) or (status = :failed and attempts >= :maxAttempts))"), NOT_AWAITING_PARAMETERS)
            .setParameter("body", redactedBody)
            .setParameter("at", at)
            .setParameter("id", notificationId)
            .executeUpdate() == 1;
    }

    @Override
    public int redactTransactionContacts(Instant updatedBefore, int limit) {
        // native, moving the version: a worker holding the transaction from before cannot write the contact back
        return inBatch(limit, "select t.id from PaymentTransactionEntity t where t.contactDetails is not null"
                + " and t.updatedAt < :before order by t.updatedAt, t.id",
            em::createNativeQuery, "update payment_transaction set contact_details = null, version = version + 1"
                + " where id in (:ids) and contact_details is not null and updated_at < :before",
            "before", updatedBefore);
    }

    @Override
    public int deleteAttemptsOfFinishedDeliveries(Instant finishedBefore, int limit) {
        return inBatch(limit, "select d.id from DeliveryEntity d where d.status in :finished"
                + " and d.updatedAt < :before and d.attempts is not empty order by d.updatedAt, d.id",
            em::createNativeQuery, "delete from delivery_attempt where delivery_id in (select d.id from delivery d"
                + " where d.id in (:ids) and d.status in (:finished) and d.updated_at < :before)",
            "finished", FINISHED_DELIVERY, "before", finishedBefore);
    }

    @Override
    public int deleteFinishedEvents(Instant createdBefore, int limit) {
        String stillPending = "exists (select d.id from DeliveryEntity d where d.eventId = e.eventId and d.status = :pending)";
        String finished = "e.createdAt < :before and not " + stillPending;
        return inBatch(limit, "select e.eventId from OutboundEventEntity e where " + finished + " order by e.createdAt, e.eventId",
            em::createQuery, "delete from OutboundEventEntity e where e.eventId in :ids and " + finished,
            "before", createdBefore, "pending", DeliveryStatus.PENDING.name());
    }

    @Override
    public int deleteAuditEntries(Instant recordedBefore, int limit) {
        return inBatch(limit, "select a.id from AuditEntryEntity a where a.recordedAt < :before order by a.recordedAt, a.id",
            em::createQuery, "delete from AuditEntryEntity a where a.id in :ids and a.recordedAt < :before", "before", recordedBefore);
    }

    /**
     * One batch: reads at most {@code limit} ids with {@code select}, then runs {@code write} (made
     * by {@code statement}, JPQL or SQL) on exactly those ids, bound to {@code :ids}. Both name the
     * same other parameters, so the write repeats the condition of the read. The rows written.
     */
    private int inBatch(int limit, String select, Function<String, Query> statement, String write, Object... namesAndValues) {
        List<String> ids = Jpql.bind(em.createQuery(select, String.class), namesAndValues).setMaxResults(JpaRepository.atLeastOne(limit)).getResultList();
        return ids.isEmpty() ? 0 : Jpql.bind(statement.apply(write), namesAndValues).setParameter("ids", ids).executeUpdate();
    }
}
