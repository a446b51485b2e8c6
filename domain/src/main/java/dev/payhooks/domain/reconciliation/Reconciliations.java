package dev.payhooks.domain.reconciliation;

import dev.payhooks.domain.payment.TransactionId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every {@link Reconciliation}, one per transaction at most. The caller owns the transaction. */
public interface Reconciliations {

    /**
     * Starts a reconciliation (due at {@code at}) for at most {@code limit} transactions whose
     * outcome is open ({@link Reconciliation#open}) and that did not change since
     * {@code unchangedSince}: those without one, and those whose closed one is older than their
     * last change ({@link Reconciliation#reopen}). Returns how many it started. Two instances
     * doing it at once may collide on a transaction: one of them then fails and starts none.
     */
    int start(Instant unchangedSince, Instant at, int limit);

    /**
     * CHECKING reconciliations due at {@code now}, oldest due first, each now held by the caller
     * until {@code now + lease} (its next check moves there, a change of its version): of several
     * instances asking at once, one gets each. One whose checker died is due again when the lease
     * ends.
     */
    List<Reconciliation> claimDue(Instant now, Duration lease, int limit);

    /**
     * Stores a reconciliation of a transaction that has none (e.g. one {@link Reconciliation#flagged}
     * at once); a {@link dev.payhooks.domain.error.Conflict} when the transaction has one already.
     */
    void add(Reconciliation reconciliation);

    /**
     * Stores a change of a stored reconciliation made from the version the caller read; a
     * {@link dev.payhooks.domain.error.Conflict} when another writer changed it since (a check, a
     * flag, staff resolving it, another instance's claim) or it is gone. The caller's change is then
     * not stored: it reads the reconciliation again and decides anew.
     */
    void update(Reconciliation reconciliation);

    /** The merchant's reconciliation of this transaction, if it ever had one. */
    Optional<Reconciliation> of(String merchantId, TransactionId transactionId);

    /** How many of the merchant's transactions need staff's attention. */
    long needingAttention(String merchantId);
}
