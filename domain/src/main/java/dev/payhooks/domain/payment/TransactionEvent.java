package dev.payhooks.domain.payment;

import dev.payhooks.domain.Required;
import java.time.Instant;

/**
 * Something that happened to a payment transaction, as returned by the aggregate method that
 * caused it. The source of Saleor's {@code transactionEventReport}, outbound webhooks and
 * the admin event log.
 *
 * @param sequence          1 for a transaction's first event, then 2, 3…
 * @param amount            as the provider reported it
 * @param providerReference the provider's reference for this event, or null
 * @param message           the provider's or adapter's explanation, or null
 * @param eventKey          the provider fact this event records (see {@link ProviderReport}), or null
 * @param statusAfter       the transaction's status once this event was applied
 * @param reason            the provider's reason for this outcome ({@link FailureReason}), or null
 */
public record TransactionEvent(int sequence, TransactionId transactionId, Operation operation,
                               OperationResult result, Money amount, String providerReference, Instant at,
                               String message, String eventKey, TransactionStatus statusAfter,
                               FailureReason reason) {

    public TransactionEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("event sequence starts at 1, got " + sequence);
        }
        Required.nonNull("transactionId, operation, result, amount, at, statusAfter",
            transactionId, operation, result, amount, at, statusAfter);
    }

    /** An event without a reason. */
    public TransactionEvent(int sequence, TransactionId transactionId, Operation operation, OperationResult result,
                            Money amount, String providerReference, Instant at, String message, String eventKey,
                            TransactionStatus statusAfter) {
        this(sequence, transactionId, operation, result, amount, providerReference, at, message, eventKey, statusAfter,
            null);
    }

    /** Whether this event records the same fact as a report of (operation, result). */
    boolean sameFactAs(Operation otherOperation, OperationResult otherResult, ProviderReport report) {
        return operation == otherOperation && result == otherResult && amount.equals(report.amount());
    }
}
