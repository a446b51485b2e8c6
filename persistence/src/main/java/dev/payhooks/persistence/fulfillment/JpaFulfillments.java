package dev.payhooks.persistence.fulfillment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link Fulfillments} on JPA. The caller owns the transaction. */
public class JpaFulfillments extends JpaRepository<FulfillmentEntity> implements Fulfillments {

    private static final List<String> AWAITING_REPORT =
        List.of(ShipmentReportStatus.PENDING.name(), ShipmentReportStatus.FAILED.name());

    public JpaFulfillments(EntityManager em) {
        super(em, FulfillmentEntity.class);
    }

    @Override
    public void add(Fulfillment fulfillment) {
        store(FulfillmentMapper.key(fulfillment), FulfillmentMapper.toNewEntity(fulfillment),
            () -> new Conflict("fulfillment " + fulfillment.id() + " of transaction " + fulfillment.transactionId() + " exists already"));
    }

    @Override
    public void update(Fulfillment fulfillment) {
        change(FulfillmentMapper.key(fulfillment), fulfillment.version(), changedMeanwhile("fulfillment " + fulfillment.id()
                + " of transaction " + fulfillment.transactionId()),
            entity -> FulfillmentMapper.copyMutableState(fulfillment.snapshot(), entity));
    }

    @Override
    public Optional<Fulfillment> byId(TransactionId transactionId, FulfillmentId id) {
        return find(FulfillmentMapper.key(transactionId, id)).map(FulfillmentMapper::toDomain);
    }

    @Override
    public List<Fulfillment> ofTransaction(TransactionId transactionId) {
        return list(FulfillmentMapper::toDomain, "select f from FulfillmentEntity f where f.transactionId = :transaction"
            + " order by f.createdAt, f.id", "transaction", transactionId.value());
    }

    @Override
    public List<Fulfillment> awaitingReport(int limit) {
        return list(FulfillmentMapper::toDomain, atLeastOne(limit), "select f from FulfillmentEntity f where f.reportStatus in :awaiting"
            + " order by f.createdAt, f.transactionId, f.id", "awaiting", AWAITING_REPORT);
    }
}
