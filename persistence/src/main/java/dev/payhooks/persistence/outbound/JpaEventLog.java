package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link EventLog} on JPA: the outbox joined with deliveries. The caller owns the transaction. */
public class JpaEventLog extends JpaRepository<OutboundEventEntity> implements EventLog {

    public JpaEventLog(EntityManager em) {
        super(em, OutboundEventEntity.class);
    }

    @Override
    public Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit) {
        StringBuilder jpql = new StringBuilder("select e from OutboundEventEntity e where e.merchantId = :merchant");
        eventConditions(filter, jpql, "e");
        if (filter.subscriptionId().isPresent() || filter.status().isPresent()) {
            jpql.append(" and exists (select d.id from DeliveryEntity d where d.eventId = e.eventId");
            filter.subscriptionId().ifPresent(x -> jpql.append(" and d.subscriptionId = :subscription"));
            filter.status().ifPresent(x -> jpql.append(" and d.status = :status"));
            jpql.append(")");
        }
        after.ifPresent(x -> jpql.append(" and (e.createdAt < :afterAt or (e.createdAt = :afterAt and e.eventId < :afterId))"));
        jpql.append(" order by e.createdAt desc, e.eventId desc");
        TypedQuery<OutboundEventEntity> query = query(jpql.toString());
        bind(query, merchantId, filter);
        after.ifPresent(c -> query.setParameter("afterAt", c.createdAt()).setParameter("afterId", c.eventId()));
        List<OutboundEvent> rows = query.setMaxResults(limit + 1).getResultList().stream().map(OutboundEventMapper::toDomain).toList();
        Keyset<OutboundEvent, Cursor> page = keyset(rows, limit, last -> new Cursor(last.createdAt(), last.id().value()));
        return new Page(page.items(), page.next());
    }

    @Override
    public List<Delivery> deliveries(String merchantId, Filter filter, int max) {
        StringBuilder jpql = new StringBuilder("select d from DeliveryEntity d, OutboundEventEntity e "
            + "where d.eventId = e.eventId and d.merchantId = :merchant and e.merchantId = :merchant");
        eventConditions(filter, jpql, "e");
        filter.subscriptionId().ifPresent(x -> jpql.append(" and d.subscriptionId = :subscription"));
        filter.status().ifPresent(x -> jpql.append(" and d.status = :status"));
        jpql.append(" order by e.createdAt, d.id");
        TypedQuery<DeliveryEntity> query = em.createQuery(jpql.toString(), DeliveryEntity.class);
        bind(query, merchantId, filter);
        return query.setMaxResults(max).getResultStream().map(JpaDeliveries::toDomain).toList();
    }

    @Override
    public List<OutboundEvent> missedBy(String merchantId, String subscriptionId, java.util.Set<String> eventTypes, Filter filter,
                                        int max) {
        if (eventTypes.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("select e from OutboundEventEntity e where e.merchantId = :merchant "
            + "and e.eventType in :types and not exists (select d.id from DeliveryEntity d where d.eventId = e.eventId "
            + "and d.subscriptionId = :subscription)");
        eventConditions(filter, jpql, "e");
        jpql.append(" order by e.createdAt, e.eventId");
        TypedQuery<OutboundEventEntity> query = query(jpql.toString(),
            "merchant", merchantId, "types", List.copyOf(eventTypes), "subscription", subscriptionId);
        bindEventConditions(query, filter);
        return query.setMaxResults(max).getResultStream().map(OutboundEventMapper::toDomain).toList();
    }

    /**
     * The conditions on the event itself. Free text matches any part of the event id, or of the
     * id, merchant reference or a provider reference (current or earlier) of the merchant's
     * payment transaction the event was published for (its source is {@code transaction:<id>:<n>}).
     */
    private static void eventConditions(Filter filter, StringBuilder jpql, String e) {
        filter.eventType().ifPresent(x -> jpql.append(" and ").append(e).append(".eventType = :type"));
        filter.from().ifPresent(x -> jpql.append(" and ").append(e).append(".createdAt >= :from"));
        filter.to().ifPresent(x -> jpql.append(" and ").append(e).append(".createdAt < :to"));
        filter.text().ifPresent(x -> jpql.append(" and (lower(").append(e).append(".eventId) like :text escape '!'"
            + " or exists (select t.id from PaymentTransactionEntity t left join t.providerReferences r"
            + " where t.merchantId = :merchant and ").append(e).append(".source like concat('transaction:', t.id, ':%')"
            + " and (lower(t.id) like :text escape '!' or lower(t.merchantReference) like :text escape '!'"
            + " or lower(t.providerReference) like :text escape '!' or lower(r.reference) like :text escape '!')))"));
    }

    private static void bindEventConditions(TypedQuery<?> query, Filter filter) {
        filter.eventType().ifPresent(x -> query.setParameter("type", x));
        filter.from().ifPresent(x -> query.setParameter("from", x));
        filter.to().ifPresent(x -> query.setParameter("to", x));
        filter.text().ifPresent(x -> query.setParameter("text", "%" + x.toLowerCase(Locale.ROOT)
            .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"));
    }

    private static void bind(TypedQuery<?> query, String merchantId, Filter filter) {
        query.setParameter("merchant", merchantId);
        bindEventConditions(query, filter);
        filter.subscriptionId().ifPresent(x -> query.setParameter("subscription", x));
        filter.status().ifPresent(x -> query.setParameter("status", x.name()));
    }
}
