package dev.payhooks.domain.payment;

/**
 * Where a payment transaction stands. What may happen next is in {@link TransitionTable}.
 *
 * <p>Pending and action-required states exist only before money moved, where one flow runs
 * at a time (a checkout session). Once money moved, requests to capture, cancel or refund are
 * asynchronous and may overlap; they are tracked as pending amounts on the transaction and
 * do not change its status.
 */
public enum TransactionStatus {
    NEW,
    AUTHORIZATION_REQUESTED,
    AUTHORIZATION_ACTION_REQUIRED,
    CHARGE_REQUESTED,
    CHARGE_ACTION_REQUIRED,
    /** The last authorization or sale attempt failed; another attempt may be made. */
    FAILED,
    AUTHORIZED,
    /** Funds were taken; an authorization may still have an uncaptured remainder. */
    CHARGED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    CANCELLED,
    CHARGED_BACK;

    /** Whether nothing further can happen. */
    public boolean isFinal() {
        return TransitionTable.allowedFrom(this).isEmpty();
    }
}
