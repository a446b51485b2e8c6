package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.SaleorInstallation;

import java.util.List;
import java.util.Optional;

/**
 * A fulfillment's tracking number, set or changed in Saleor, read from the webhook.
 *
 * @param caller                the installation whose signature was checked: its merchant acts
 * @param orderId               Saleor's order (where notes for staff go)
 * @param trackingNumber        as Saleor has it, if any
 * @param carrierCode           the fulfillment's carrier (PD company) code, if it names one
 * @param anyOfThisApp          whether the order has a transaction of this app at all
 * @param completedTransactions the hub ids of this app's transactions of the order that were
 *                              charged or authorized
 */
public record TrackingNumberCommand(SaleorInstallation caller, Optional<String> channelSlug, String orderId,
                                    FulfillmentId fulfillment, Optional<String> trackingNumber,
                                    Optional<String> carrierCode, boolean anyOfThisApp,
                                    List<TransactionId> completedTransactions) implements ChannelRequest {

    public TrackingNumberCommand {
        Required.nonNull("caller, channelSlug, fulfillment, trackingNumber, carrierCode",
            caller, channelSlug, fulfillment, trackingNumber, carrierCode);
        completedTransactions = List.copyOf(completedTransactions);
        Required.text(orderId, "orderId");
    }
}
