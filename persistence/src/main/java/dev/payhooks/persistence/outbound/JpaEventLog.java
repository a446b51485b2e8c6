package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.Jpql;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link EventLog} on JPA: the outbox joined with deliveries. The caller owns the transaction. */
public class JpaEventLog extends JpaRepository<OutboundEventEntity> implements EventLog {

    public JpaEventLog(EntityManager em) {
        super(em, OutboundEventEntity.class);
    }

    @Override
    public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        Jpql jpql = events(filter, new Jpql("select e from OutboundEventEntity e where e.merchantId = :merchant", "merchant", merchantId));
        if (filter.subscriptionId().isPresent() || filter.status().isPresent()) {
            deliveries(filter, jpql.append(" and exists (select d.id from DeliveryEntity d where d.eventId = e.eventId")).append(")");
        }
        jpql.before(after, "e.createdAt", "e.eventId", Cursor::createdAt, Cursor::eventId).append(" order by e.createdAt desc, e.eventId desc");
        List<OutboundEvent> rows = query(jpql).setMaxResults(limit + 1).getResultList().stream().map(OutboundEventMapper::toDomain).toList();
        Keyset<OutboundEvent, Cursor> page = keyset(rows, limit, last -> new Cursor(last.createdAt(), last.id().value()));
        return new Page(page.items(), page.next());
    }

    @Override
    public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
        Jpql jpql = deliveries(filter, events(filter, new Jpql("select d from DeliveryEntity d, OutboundEventEntity e "
            + "where d.eventId = e.eventId and d.merchantId = :merchant and e.merchantId = :merchant", "merchant", merchantId)))
            .append(" order by e.createdAt, d.id");
        return jpql.query(em, DeliveryEntity.class).setMaxResults(max).getResultStream().map(JpaDeliveries::toDomain).toList();
    }

    @Override
    public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, java.util.Set<String> eventTypes, Filter filter,
                                        int max) {
        if (eventTypes.isEmpty()) {
            return List.of();
        }
        Jpql jpql = events(filter, new Jpql("select e from OutboundEventEntity e where e.merchantId = :merchant "
            + "and e.eventType in :types and not exists (select d.id from DeliveryEntity d where d.eventId = e.eventId "
            + "and d.subscriptionId = :subscription)",
            "merchant", merchantId, "types", List.copyOf(eventTypes), "subscription", subscriptionId))
            .append(" order by e.createdAt, e.eventId");
        return query(jpql).setMaxResults(max).getResultStream().map(OutboundEventMapper::toDomain).toList();
    }

    /**
     * The filter's conditions on the event {@code e} (the query binds {@code :merchant}). Free
     * text matches any part of the event id, or of the id, merchant reference or a provider
     * reference (current or earlier) of the merchant's payment transaction the event was
     * published for (its source is {@code transaction:<id>:<n>}), in any case; or exactly the
     * event's correlation id.
     */
    private static Jpql events(Filter filter, Jpql jpql) {
        jpql.and(filter.eventType(), "e.eventType = :type", "type")
            .and(filter.from(), "e.createdAt >= :from", "from")
            .and(filter.to(), "e.createdAt < :to", "to");
        filter.text().ifPresent(text -> jpql.and("(lower(e.eventId) like :text escape '!' or e.correlationId = :correlation"
            + " or exists (select t.id from PaymentTransactionEntity t left join t.providerReferences r"
            + " where t.merchantId = :merchant and e.source like concat('transaction:', t.id, ':%')"
            + " and (lower(t.id) like :text escape '!' or lower(t.merchantReference) like :text escape '!'"
            + " or lower(t.providerReference) like :text escape '!' or lower(r.reference) like :text escape '!')))",
            "text", Jpql.containing(text), "correlation", text));
        return jpql;
    }

    /** The filter's conditions on the delivery {@code d}. */
    private static Jpql deliveries(Filter filter, Jpql jpql) {
        return jpql.and(filter.subscriptionId(), "d.subscriptionId = :subscription", "subscription")
            .and(filter.status(), "d.status = :status", "status", Enum::name);
    }
}
