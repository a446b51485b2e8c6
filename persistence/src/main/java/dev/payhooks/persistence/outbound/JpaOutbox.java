package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.OutboxPosition;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * {@link Outbox} on JPA. The caller owns the transaction, which is the point: the event commits
 * or rolls back with the state change that caused it.
 */
public class JpaOutbox implements Outbox {

    private final EntityManager em;

    public JpaOutbox(EntityManager em) {
        this.em = em;
    }

    /** Flushes at once, so a reused idempotency key fails here, where the caller can tell why, not at commit. */
    @Override
    public void append(OutboundEvent event) {
        em.persist(OutboundEventMapper.toEntity(event));
        em.flush();
    }

    @Override
    public Optional<OutboundEvent> byId(EventId id) {
        return Optional.ofNullable(em.find(OutboundEventEntity.class, id.value())).map(OutboundEventMapper::toDomain);
    }

    @Override
    public Optional<OutboundEvent> byIdempotencyKey(String merchantId, String idempotencyKey) {
        return em.createQuery("select e from OutboundEventEntity e"
                    + " where e.merchantId = :merchantId and e.idempotencyKey = :idempotencyKey", OutboundEventEntity.class)
            .setParameter("merchantId", merchantId)
            .setParameter("idempotencyKey", idempotencyKey)
            .getResultStream()
            .findFirst()
            .map(OutboundEventMapper::toDomain);
    }

    @Override
    public void releaseIdempotencyKey(String merchantId, String idempotencyKey) {
        em.createQuery("update OutboundEventEntity e set e.idempotencyKey = null"
                + " where e.merchantId = :merchantId and e.idempotencyKey = :idempotencyKey")
            .setParameter("merchantId", merchantId)
            .setParameter("idempotencyKey", idempotencyKey)
            .executeUpdate();
    }

    @Override
    public List<OutboundEvent> after(OutboxPosition position, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return em.createQuery("select e from OutboundEventEntity e"
                    + " where e.createdAt > :createdAt or (e.createdAt = :createdAt and e.eventId > :eventId)"
                    + " order by e.createdAt, e.eventId", OutboundEventEntity.class)
            .setParameter("createdAt", position.createdAt())
            .setParameter("eventId", position.eventId().value())
            .setMaxResults(limit)
            .getResultStream()
            .map(OutboundEventMapper::toDomain)
            .toList();
    }
}
