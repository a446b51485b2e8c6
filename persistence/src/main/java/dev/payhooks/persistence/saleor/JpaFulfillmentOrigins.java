package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link FulfillmentOrigins} on JPA. The caller owns the transaction. */
public class JpaFulfillmentOrigins implements FulfillmentOrigins {

    private final EntityManager em;

    public JpaFulfillmentOrigins(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(FulfillmentOrigin origin) {
        if (em.find(FulfillmentOriginEntity.class, new FulfillmentOriginEntity.Key(origin.transactionId().value(),
                origin.fulfillmentId().value())) != null) {
            return;
        }
        FulfillmentOriginEntity row = new FulfillmentOriginEntity();
        row.transactionId = origin.transactionId().value();
        row.fulfillmentId = origin.fulfillmentId().value();
        row.merchantId = origin.merchantId();
        row.apiUrl = origin.apiUrl();
        row.provider = origin.provider().slug();
        row.orderId = origin.orderId();
        em.persist(row);
        em.flush();
    }

    @Override
    public Optional<FulfillmentOrigin> of(TransactionId transactionId, FulfillmentId fulfillmentId) {
        return Optional.ofNullable(em.find(FulfillmentOriginEntity.class,
            new FulfillmentOriginEntity.Key(transactionId.value(), fulfillmentId.value()))).map(JpaFulfillmentOrigins::toDomain);
    }

    @Override
    public List<FulfillmentOrigin> dueForReport(int maxAttempts, int limit) {
        return em.createQuery("select o from FulfillmentOriginEntity o, dev.payhooks.persistence.fulfillment.FulfillmentEntity f"
                + " where f.transactionId = o.transactionId and f.id = o.fulfillmentId"
                + " and f.reportStatus in :due and f.reportAttempts < :max order by f.createdAt, f.transactionId, f.id",
                FulfillmentOriginEntity.class)
            .setParameter("due", List.of(ShipmentReportStatus.PENDING.name(), ShipmentReportStatus.FAILED.name()))
            .setParameter("max", maxAttempts)
            .setMaxResults(limit)
            .getResultStream().map(JpaFulfillmentOrigins::toDomain).toList();
    }

    private static FulfillmentOrigin toDomain(FulfillmentOriginEntity row) {
        return new FulfillmentOrigin(TransactionId.of(row.transactionId), FulfillmentId.of(row.fulfillmentId),
            row.merchantId, row.apiUrl, ProviderId.fromSlug(row.provider), row.orderId);
    }
}
