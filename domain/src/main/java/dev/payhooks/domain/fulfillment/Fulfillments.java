package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.payment.TransactionId;

import java.util.List;
import java.util.Optional;

/**
 * All fulfillments reported (or to report) for payment transactions. The caller owns the
 * transaction.
 *
 * <p>A fulfillment is known by its transaction and its id together: the id is Saleor's
 * ({@code base64("Fulfillment:<number>")}), and every merchant's Saleor counts from 1.
 */
public interface Fulfillments {

    /** Adds a new fulfillment; one with the same id on the same transaction is a {@link dev.payhooks.domain.error.Conflict}. */
    void add(Fulfillment fulfillment);

    /** Stores new state (optimistic locking on the version it was read with). */
    void update(Fulfillment fulfillment);

    Optional<Fulfillment> byId(TransactionId transactionId, FulfillmentId id);

    /** The transaction's fulfillments, first recorded first. */
    List<Fulfillment> ofTransaction(TransactionId transactionId);

    /**
     * Fulfillments whose shipment the provider does not know yet: PENDING or FAILED, first
     * recorded first. Nothing here gives up on a fulfillment that keeps failing; the reporter
     * decides when to stop (see {@link Fulfillment#reportAttempts()}).
     */
    List<Fulfillment> awaitingReport(int limit);
}
