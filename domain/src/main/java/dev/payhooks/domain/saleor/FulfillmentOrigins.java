package dev.payhooks.domain.saleor;

import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.payment.TransactionId;

import java.util.List;
import java.util.Optional;

/** Where fulfillments came from in Saleor. The caller owns the transaction. */
public interface FulfillmentOrigins {

    /** Records the origin of a fulfillment; recording the same fulfillment again changes nothing. */
    void record(FulfillmentOrigin origin);

    Optional<FulfillmentOrigin> of(TransactionId transactionId, FulfillmentId fulfillmentId);

    /**
     * Origins of fulfillments whose shipment is PENDING or FAILED with fewer than
     * {@code maxAttempts} report attempts, first recorded first.
     */
    List<FulfillmentOrigin> dueForReport(int maxAttempts, int limit);
}
