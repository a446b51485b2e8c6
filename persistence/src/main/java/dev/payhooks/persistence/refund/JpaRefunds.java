package dev.payhooks.persistence.refund;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

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
public class JpaRefunds extends JpaRepository<RefundEntity> implements Refunds {

    public JpaRefunds(EntityManager em) {
        super(em, RefundEntity.class);
    }

    @Override
    public void add(Refund refund) {
        if (find(refund.id().value()).isPresent()) {
            throw new Conflict("refund " + refund.id() + " exists already");
        }
        Optional<String> grantedRefundId = refund.grantedRefundId();
        if (grantedRefundId.isPresent() && byGrantedRefundId(refund.transactionId(), grantedRefundId.get()).isPresent()) {
            throw new Conflict("granted refund " + grantedRefundId.get() + " of transaction " + refund.transactionId()
                + " has a refund already");
        }
        persist(RefundMapper.toNewEntity(refund));
    }

    @Override
    public void update(Refund refund) {
        change(refund.id().value(), refund.version(), changedMeanwhile("refund " + refund.id()),
            entity -> RefundMapper.copyMutableState(refund.snapshot(), entity));
    }

    @Override
    public Optional<Refund> byId(RefundId id) {
        return find(id.value()).map(RefundMapper::toDomain);
    }

    @Override
    public List<Refund> ofTransaction(TransactionId transactionId) {
        return list(RefundMapper::toDomain, "select r from RefundEntity r where r.transactionId = :transaction order by r.requestedAt, r.id",
            "transaction", transactionId.value());
    }

    @Override
    public Optional<Refund> byGrantedRefundId(TransactionId transactionId, String grantedRefundId) {
        return first(RefundMapper::toDomain, "select r from RefundEntity r where r.transactionId = :transaction and r.grantedRefundId = :granted",
            "transaction", transactionId.value(), "granted", grantedRefundId);
    }
}
