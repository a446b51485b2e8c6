package dev.payhooks.persistence.fulfillment;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.payment.TransactionId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import java.util.List;
import java.util.Optional;

/** {@link Fulfillments} on JPA. The caller owns the transaction. */
public class JpaFulfillments implements Fulfillments {

    private static final List<String> AWAITING_REPORT =
        List.of(ShipmentReportStatus.PENDING.name(), ShipmentReportStatus.FAILED.name());

    private final EntityManager em;

    public JpaFulfillments(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Fulfillment fulfillment) {
        if (em.find(FulfillmentEntity.class, FulfillmentMapper.key(fulfillment)) != null) {
            throw new Conflict("fulfillment " + fulfillment.id() + " of transaction " + fulfillment.transactionId()
                + " exists already");
        }
        em.persist(FulfillmentMapper.toNewEntity(fulfillment));
        em.flush();
    }

    @Override
    public void update(Fulfillment fulfillment) {
        FulfillmentEntity entity = em.find(FulfillmentEntity.class, FulfillmentMapper.key(fulfillment));
        if (entity == null || entity.version != fulfillment.version()) {
            throw changedMeanwhile(fulfillment);
        }
        FulfillmentMapper.copyMutableState(fulfillment.snapshot(), entity);
        try {
            em.flush();
        } catch (OptimisticLockException committedMeanwhile) {
            // read in this transaction before another one committed its change
            throw changedMeanwhile(fulfillment);
        }
    }

    @Override
    public Optional<Fulfillment> byId(TransactionId transactionId, FulfillmentId id) {
        return Optional.ofNullable(em.find(FulfillmentEntity.class, FulfillmentMapper.key(transactionId, id)))
            .map(FulfillmentMapper::toDomain);
    }

    @Override
    public List<Fulfillment> ofTransaction(TransactionId transactionId) {
        return em.createQuery("select f from FulfillmentEntity f where f.transactionId = :transaction"
                + " order by f.createdAt, f.id", FulfillmentEntity.class)
            .setParameter("transaction", transactionId.value())
            .getResultStream().map(FulfillmentMapper::toDomain).toList();
    }

    @Override
    public List<Fulfillment> awaitingReport(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        return em.createQuery("select f from FulfillmentEntity f where f.reportStatus in :awaiting"
                + " order by f.createdAt, f.transactionId, f.id", FulfillmentEntity.class)
            .setParameter("awaiting", AWAITING_REPORT)
            .setMaxResults(limit)
            .getResultStream().map(FulfillmentMapper::toDomain).toList();
    }

    private static Conflict changedMeanwhile(Fulfillment fulfillment) {
        return new Conflict("fulfillment " + fulfillment.id() + " of transaction " + fulfillment.transactionId()
            + " was changed or removed meanwhile");
    }
}
