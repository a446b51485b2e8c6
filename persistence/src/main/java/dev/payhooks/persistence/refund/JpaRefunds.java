package dev.payhooks.persistence.refund;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.Refunds;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import java.util.List;
import java.util.Optional;

/**
 * {@link Refunds} on JPA. The caller owns the transaction.
 *
 * <p>{@link #add} looks for an earlier refund of the same granted refund first, which covers
 * Saleor's redeliveries. Two deliveries processed at the very same moment both find nothing;
 * the unique constraint (transaction_id, granted_refund_id) then fails the second one's
 * transaction, and its retry finds the first one's refund.
 */
public class JpaRefunds implements Refunds {

    private final EntityManager em;

    public JpaRefunds(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Refund refund) {
        if (em.find(RefundEntity.class, refund.id().value()) != null) {
            throw new Conflict("refund " + refund.id() + " exists already");
        }
        Optional<String> grantedRefundId = refund.grantedRefundId();
        if (grantedRefundId.isPresent() && byGrantedRefundId(refund.transactionId(), grantedRefundId.get()).isPresent()) {
            throw new Conflict("granted refund " + grantedRefundId.get() + " of transaction " + refund.transactionId()
                + " has a refund already");
        }
        em.persist(RefundMapper.toNewEntity(refund));
        em.flush();
    }

    @Override
    public void update(Refund refund) {
        RefundEntity entity = em.find(RefundEntity.class, refund.id().value());
        if (entity == null || entity.version != refund.version()) {
            throw changedMeanwhile(refund);
        }
        RefundMapper.copyMutableState(refund.snapshot(), entity);
        try {
            em.flush();
        } catch (OptimisticLockException committedMeanwhile) {
            // read in this transaction before another one committed its change
            throw changedMeanwhile(refund);
        }
    }

    @Override
    public Optional<Refund> byId(RefundId id) {
        return Optional.ofNullable(em.find(RefundEntity.class, id.value())).map(RefundMapper::toDomain);
    }

    @Override
    public List<Refund> ofTransaction(TransactionId transactionId) {
        return em.createQuery("select r from RefundEntity r where r.transactionId = :transaction"
                + " order by r.requestedAt, r.id", RefundEntity.class)
            .setParameter("transaction", transactionId.value())
            .getResultStream().map(RefundMapper::toDomain).toList();
    }

    @Override
    public Optional<Refund> byGrantedRefundId(TransactionId transactionId, String grantedRefundId) {
        return em.createQuery("select r from RefundEntity r where r.transactionId = :transaction"
                + " and r.grantedRefundId = :granted", RefundEntity.class)
            .setParameter("transaction", transactionId.value())
            .setParameter("granted", grantedRefundId)
            .getResultStream().findFirst().map(RefundMapper::toDomain);
    }

    private static Conflict changedMeanwhile(Refund refund) {
        return new Conflict("refund " + refund.id() + " was changed or removed meanwhile");
    }
}
