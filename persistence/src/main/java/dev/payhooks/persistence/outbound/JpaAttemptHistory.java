package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.AttemptHistory;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AttemptHistory} on JPA: attempts of the webhooks' deliveries with their event's type, one query. */
public class JpaAttemptHistory implements AttemptHistory {

    private final EntityManager em;

    public JpaAttemptHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Attempt> of(String merchantId, String subscriptionId, Instant since, int max) {
        return read("d.merchantId = :merchant and d.subscriptionId = :subscription", merchantId, subscriptionId, since, max);
    }

    @Override
    public List<Attempt> ofMerchant(String merchantId, Instant since, int max) {
        return read("d.merchantId = :merchant", merchantId, null, since, max);
    }

    private List<Attempt> read(String which, String merchantId, String subscriptionId, Instant since, int max) {
        var query = em.createQuery("""
                select d.eventId, e.eventType, index(a), a.startedAt, a.latencyMillis, a.success, a.httpStatus, a.errorClass
                from DeliveryEntity d join d.attempts a join OutboundEventEntity e on e.eventId = d.eventId
                where %s and a.startedAt >= :since
                order by a.startedAt desc, d.id, index(a) desc""".formatted(which), Object[].class)
            .setParameter("merchant", merchantId)
            .setParameter("since", since)
            .setMaxResults(max);
        if (subscriptionId != null) {
            query.setParameter("subscription", subscriptionId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Attempt((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
            (Instant) r[3], Duration.ofMillis(((Number) r[4]).longValue()), (Boolean) r[5],
            Optional.ofNullable((Integer) r[6]), Optional.ofNullable((String) r[7]))).toList();
    }
}
