package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.SaleorInstallation;

import java.util.Optional;

/**
 * A Saleor payment session to start or go on with, read from the webhook by the provider's app.
 *
 * @param caller              the installation whose signature was checked: its merchant acts
 * @param transaction         the hub's id of the Saleor transaction
 * @param channelSlug         the Saleor channel (empty: no channel, so not configured)
 * @param authorizationOnly   Saleor asked for an authorization (the channel may otherwise charge)
 * @param deliveryKey         what makes two deliveries the same request
 * @param pspReference        the provider reference Saleor holds for the transaction, if any
 * @param refusedBeforeCall   the adapter's answer when the request cannot go to the provider at
 *                            all (nothing is claimed or recorded)
 * @param data                the adapter's own data for the provider call
 * @param deadline            when Saleor stops waiting for the answer
 */
public record SessionCommand(SaleorInstallation caller, TransactionId transaction, String saleorTransactionId,
                             Optional<String> channelSlug, Money amount, boolean authorizationOnly, String deliveryKey,
                             Optional<String> pspReference, Optional<ProviderAnswer> refusedBeforeCall,
                             ProviderData data, AnswerDeadline deadline) implements ChannelRequest {

    public SessionCommand {
        Required.nonNull("caller, transaction, channelSlug, amount, pspReference, refusedBeforeCall, data, deadline",
            caller, transaction, channelSlug, amount, pspReference, refusedBeforeCall, data, deadline);
        Required.text(saleorTransactionId, "saleorTransactionId");
        Required.text(deliveryKey, "deliveryKey");
        if (refusedBeforeCall.isPresent() && refusedBeforeCall.get().settled()) {
            throw new IllegalArgumentException("an answer given before the call is not the provider's word");
        }
    }
}
