package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Outbox} on JPA. The caller owns the transaction, which is the point: the event commits
 * or rolls back with the state change that caused it.
 */
public class JpaOutbox extends JpaRepository<OutboundEventEntity> implements Outbox {

    public JpaOutbox(EntityManager em) {
        super(em, OutboundEventEntity.class);
    }

    /** Flushes at once, so a reused idempotency key fails here, where the caller can tell why, not at commit. */
    @Override
    public void append(OutboundEvent event) {
        persist(OutboundEventMapper.toEntity(event));
    }

    @Override
    public Optional<OutboundEvent> byId(EventId id) {
        return find(id.value()).map(OutboundEventMapper::toDomain);
    }

    @Override
    public Map<EventId, OutboundEvent> byIds(Collection<EventId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<EventId, OutboundEvent> found = new HashMap<>();
        em.createQuery("select e from OutboundEventEntity e where e.eventId in :ids", OutboundEventEntity.class)
            .setParameter("ids", ids.stream().map(EventId::value).distinct().toList())
            .getResultList()
            .forEach(e -> {
                OutboundEvent event = OutboundEventMapper.toDomain(e);
                found.put(event.id(), event);
            });
        return found;
    }

    @Override
    public Optional<OutboundEvent> byIdempotencyKey(String merchantId, String idempotencyKey) {
        return first(OutboundEventMapper::toDomain,
            "select e from OutboundEventEntity e where e.merchantId = :merchantId and e.idempotencyKey = :idempotencyKey",
            "merchantId", merchantId, "idempotencyKey", idempotencyKey);
    }

    @Override
    public void releaseIdempotencyKey(String merchantId, String idempotencyKey) {
        executeUpdate("update OutboundEventEntity e set e.idempotencyKey = null where e.merchantId = :merchantId"
            + " and e.idempotencyKey = :idempotencyKey", "merchantId", merchantId, "idempotencyKey", idempotencyKey);
    }

    @Override
    public List<OutboundEvent> after(OutboxPosition position, int limit) {
        return list(OutboundEventMapper::toDomain, atLeastOne(limit), "select e from OutboundEventEntity e"
                + " where e.createdAt > :createdAt or (e.createdAt = :createdAt and e.eventId > :eventId)"
                + " order by e.createdAt, e.eventId", "createdAt", position.createdAt(), "eventId", position.eventId().value());
    }
}
