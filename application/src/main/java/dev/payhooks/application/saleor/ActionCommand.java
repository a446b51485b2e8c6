package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.saleor.SaleorInstallation;

import java.util.Optional;

/**
 * A merchant's charge, cancel or refund of a Saleor transaction, read from the webhook by the
 * provider's app.
 *
 * @param caller       the installation whose signature was checked: its merchant acts
 * @param channelSlug  the Saleor channel (empty: no channel, so not configured)
 * @param pspReference the provider reference of the payment, as Saleor holds it
 * @param deliveryKey  what makes two deliveries the same request
 * @param data         the adapter's own data for the provider call
 * @param deadline     when Saleor stops waiting for the answer
 */
public record ActionCommand(SaleorInstallation caller, String saleorTransactionId, Optional<String> channelSlug,
                            Money amount, Optional<String> pspReference, String deliveryKey, ProviderData data,
                            AnswerDeadline deadline) implements ChannelRequest {

    public ActionCommand {
        Required.nonNull("caller, channelSlug, amount, pspReference, data, deadline",
            caller, channelSlug, amount, pspReference, data, deadline);
        Required.text(saleorTransactionId, "saleorTransactionId");
        Required.text(deliveryKey, "deliveryKey");
    }
}
