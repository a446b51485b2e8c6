package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;

import java.util.Optional;

/**
 * A payment provider as the Saleor handlers call it: one method per payment operation, each
 * answering with a {@link ProviderAnswer}. The adapter implements it over the provider's HTTP
 * API; the handlers call it outside any database transaction. An operation the provider does
 * not offer is refused with {@link UnsupportedOperationException}.
 */
public interface PaymentProvider {

    /** The channel's configuration for this provider; empty when it is missing. In the caller's transaction. */
    Optional<ProviderChannel> channel(String merchantId, String channelSlug);

    /** Starts a payment (an authorization, or a sale when {@code call.charge()}). */
    ProviderAnswer initialize(ProviderChannel channel, SessionCall call);

    /** Goes on with a started payment (the shopper's redirect result, a changed order). */
    ProviderAnswer process(ProviderChannel channel, SessionCall call);

    /** Captures an authorization. */
    default ProviderAnswer charge(ProviderChannel channel, ActionCall call) {
        throw new UnsupportedOperationException("charge");
    }

    /** Voids an authorization. */
    default ProviderAnswer cancel(ProviderChannel channel, ActionCall call) {
        throw new UnsupportedOperationException("cancel");
    }

    /** Gives charged money back. */
    default ProviderAnswer refund(ProviderChannel channel, ActionCall call) {
        throw new UnsupportedOperationException("refund");
    }

    /**
     * @param saleorTransactionId Saleor's id of the transaction
     * @param charge              whether the payment is to be charged at once
     * @param reference           the provider's reference of the payment, when known
     * @param deadline            when Saleor stops waiting: the call is bounded by it
     */
    record SessionCall(String saleorTransactionId, Money amount, boolean charge, Optional<String> reference,
                       ProviderData data, AnswerDeadline deadline) {
        public SessionCall {
            Required.nonNull("saleorTransactionId, amount, reference, data, deadline",
                saleorTransactionId, amount, reference, data, deadline);
        }
    }

    /**
     * @param reference the provider's reference of the payment the action is on
     * @param deadline  when Saleor stops waiting: the call is bounded by it
     */
    record ActionCall(String saleorTransactionId, Money amount, String reference, ProviderData data,
                      AnswerDeadline deadline) {
        public ActionCall {
            Required.nonNull("saleorTransactionId, amount, reference, data, deadline",
                saleorTransactionId, amount, reference, data, deadline);
        }
    }
}
