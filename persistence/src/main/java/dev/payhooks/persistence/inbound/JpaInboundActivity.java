package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** {@link InboundActivity} on JPA: provider and arrival time only (index on merchant and arrival). */
public class JpaInboundActivity implements InboundActivity {

    private final EntityManager em;

    public JpaInboundActivity(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Arrival> since(String merchantId, Instant since, int max) {
        return em.createQuery("""
                select n.provider, n.receivedAt from InboundNotificationEntity n
                where n.merchantId = :merchant and n.receivedAt >= :since order by n.receivedAt desc""", Object[].class)
            .setParameter("merchant", merchantId)
            .setParameter("since", since)
            .setMaxResults(max)
            .getResultList().stream()
            .map(r -> new Arrival(ProviderId.fromSlug((String) r[0]), (Instant) r[1]))
            .toList();
    }
}
