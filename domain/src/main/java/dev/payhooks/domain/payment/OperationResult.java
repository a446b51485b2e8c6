package dev.payhooks.domain.payment;

/** How an {@link Operation} ended, or that it has not ended yet. */
public enum OperationResult {
    SUCCESS,
    FAILURE,
    /** Accepted by the provider, outcome to follow (Adyen "Pending"/"Received", async modifications). */
    REQUEST,
    /** The customer must do something first (3-D Secure, NP Atobarai credit-check hold). */
    ACTION_REQUIRED
}
