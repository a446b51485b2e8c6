package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.TransactionConnection;
import dev.payhooks.domain.trace.CorrelationId;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;

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

    private static final String INSERT = "insert into outbound_event (event_id, merchant_id, event_type, payload, created_at,"
        + " idempotency_key, source, correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?)";

    public JpaOutbox(EntityManager em) {
        super(em, OutboundEventEntity.class);
    }

    /**
     * One insert over the transaction's connection, no entity: a reused idempotency key fails
     * here, where the caller can tell why, not at commit, and marks the transaction rollback-only.
     */
    @Override
    public void append(OutboundEvent event) {
        OutboundEventEntity row = OutboundEventMapper.toEntity(event);
        TransactionConnection.work(em, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, row.eventId);
                insert.setString(2, row.merchantId);
                insert.setString(3, row.eventType);
                insert.setString(4, row.payload);
                insert.setTimestamp(5, Timestamp.from(row.createdAt));
                insert.setString(6, row.idempotencyKey);
                insert.setString(7, row.source);
                insert.setString(8, row.correlationId);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<OutboundEvent> byId(EventId id) {
        return find(id.value()).map(OutboundEventMapper::toDomain);
    }

    /** Plain SQL (one statement, no entities): the delivery claim reads a batch's events with it. */
    @Override
    public Map<EventId, OutboundEvent> byIds(Collection<EventId> ids) {
        List<String> distinct = ids.stream().map(EventId::value).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<EventId, OutboundEvent> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select event_id, merchant_id, event_type, payload, created_at, "
                    + "idempotency_key, source, correlation_id from outbound_event where event_id in ("
                    + JpaDeliveries.placeholders(distinct.size()) + ")")) {
                for (int i = 0; i < distinct.size(); i++) {
                    select.setString(i + 1, distinct.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String correlation = rows.getString(8);
                        OutboundEvent event = OutboundEvent.reconstitute(new EventId(rows.getString(1)), rows.getString(2), rows.getString(3),
                            rows.getString(4), JpaDeliveries.instant(rows, 5), rows.getString(6), rows.getString(7),
                            correlation == null ? null : new CorrelationId(correlation));
                        found.put(event.id(), event);
                    }
                }
            }
            return found;
        });
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
