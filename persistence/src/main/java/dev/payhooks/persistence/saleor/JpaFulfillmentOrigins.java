package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link FulfillmentOrigins} on JPA. The caller owns the transaction. */
public class JpaFulfillmentOrigins extends JpaRepository<FulfillmentOriginEntity> implements FulfillmentOrigins {

    public JpaFulfillmentOrigins(EntityManager em) {
        super(em, FulfillmentOriginEntity.class);
    }

    @Override
    public void record(FulfillmentOrigin origin) {
        if (find(new FulfillmentOriginEntity.Key(origin.transactionId().value(), origin.fulfillmentId().value())).isPresent()) {
            return;
        }
        FulfillmentOriginEntity row = new FulfillmentOriginEntity();
        row.transactionId = origin.transactionId().value();
        row.fulfillmentId = origin.fulfillmentId().value();
        row.merchantId = origin.merchantId();
        row.apiUrl = origin.apiUrl();
        row.provider = origin.provider().slug();
        row.orderId = origin.orderId();
        persist(row);
    }

    @Override
    public Optional<FulfillmentOrigin> of(TransactionId transactionId, FulfillmentId fulfillmentId) {
        return find(new FulfillmentOriginEntity.Key(transactionId.value(), fulfillmentId.value()))
            .map(JpaFulfillmentOrigins::toDomain);
    }

    @Override
    public List<FulfillmentOrigin> dueForReport(int maxAttempts, int limit) {
        return list(JpaFulfillmentOrigins::toDomain, limit,
            "select o from FulfillmentOriginEntity o, dev.payhooks.persistence.fulfillment.FulfillmentEntity f"
                + " where f.transactionId = o.transactionId and f.id = o.fulfillmentId"
                + " and f.reportStatus in :due and f.reportAttempts < :max order by f.createdAt, f.transactionId, f.id",
            "due", List.of(ShipmentReportStatus.PENDING.name(), ShipmentReportStatus.FAILED.name()), "max", maxAttempts);
    }

    private static FulfillmentOrigin toDomain(FulfillmentOriginEntity row) {
        return new FulfillmentOrigin(TransactionId.of(row.transactionId), FulfillmentId.of(row.fulfillmentId),
            row.merchantId, row.apiUrl, ProviderId.fromSlug(row.provider), row.orderId);
    }
}
