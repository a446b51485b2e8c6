package dev.payhooks.domain.saleor;

import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;

import java.util.Objects;

/** Which Saleor order (and instance, and merchant) a fulfillment to report belongs to. */
public record FulfillmentOrigin(TransactionId transactionId, FulfillmentId fulfillmentId, String merchantId,
                                String apiUrl, ProviderId provider, String orderId) {
    public FulfillmentOrigin {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(fulfillmentId, "fulfillmentId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(orderId, "orderId");
    }
}
