package dev.payhooks.domain.refund;

import dev.payhooks.domain.payment.TransactionId;

import java.util.List;
import java.util.Optional;

/** All refunds asked for on payment transactions. The caller owns the transaction. */
public interface Refunds {

    /**
     * Adds a new refund. A refund with the same id, or a second refund for the same granted
     * refund of the transaction, is a {@link dev.payhooks.domain.error.Conflict}.
     */
    void add(Refund refund);

    /** Stores the outcome (optimistic locking on the version it was read with). */
    void update(Refund refund);

    Optional<Refund> byId(RefundId id);

    /** The transaction's refunds, first requested first. */
    List<Refund> ofTransaction(TransactionId transactionId);

    /**
     * The refund made for Saleor's granted refund, so that a redelivered webhook finds it
     * instead of refunding twice.
     */
    Optional<Refund> byGrantedRefundId(TransactionId transactionId, String grantedRefundId);
}
