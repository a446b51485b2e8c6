package dev.payhooks.domain.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;

/** Which Saleor order (and instance, and merchant) a fulfillment to report belongs to. */
public record FulfillmentOrigin(TransactionId transactionId, FulfillmentId fulfillmentId, String merchantId,
                                String apiUrl, ProviderId provider, String orderId) {
    public FulfillmentOrigin {
        Required.nonNull("transactionId, fulfillmentId, merchantId, apiUrl, provider, orderId",
            transactionId, fulfillmentId, merchantId, apiUrl, provider, orderId);
    }
}
