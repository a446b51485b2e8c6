package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.saleor.SaleorJson;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.NotificationFollowUp;
import dev.payhooks.domain.provider.PaymentFact;
import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.domain.saleor.TransactionReport;
import dev.payhooks.domain.saleor.TransactionReports;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Queues Saleor's {@code transactionEventReport} for an Adyen notification that changed a Saleor
 * transaction, in the transaction that applies the notification (the outbox row exists exactly
 * when the change does). A Saleor transaction is a payment the Adyen Saleor app created: its hub
 * id is {@code adyen-} + hash(API URL | Saleor id) and its merchant reference the Saleor id, so the
 * installation it came from is the merchant's Adyen installation whose URL gives that id back.
 * The report carries the item's own pspReference (a capture's, refund's… modification
 * reference, the one Saleor got as the pending answer to its request), the type of the
 * contract's mapping, the amount in major units, the time the hub recorded it and the message.
 */
public record AdyenSaleorReports(SaleorInstallationCache installations, TransactionReports reports, IdGenerator ids,
                                 Clock clock) implements NotificationFollowUp {

    /**
     * The contract's mapping of an Adyen item to Saleor's event type ({@code success: "false"} →
     * the matching failure): the notification table ({@link AdyenNotifications#step}) followed by
     * {@link TransactionReport#saleorType}, the same composition {@link #applied} reports.
     */
    static Optional<String> saleorType(String eventCode, boolean success, boolean charges) {
        return AdyenNotifications.step(eventCode, success, charges)
            .flatMap(step -> TransactionReport.saleorType(step.operation(), step.result()));
    }

    @Override
    public void applied(Merchant merchant, Channel channel, InboundRequest request, NotificationKey key,
                        PaymentTransaction transaction, PaymentFact fact, List<TransactionEvent> events) {
        if (transaction.provider() != ProviderId.ADYEN || request.provider() != ProviderId.ADYEN) {
            return;
        }
        String saleorId = transaction.merchantReference();
        // the merchant's installations as recently read; one they do not hold yet (installed on another
        // instance moments ago) is looked for in the store before the payment counts as no Saleor one
        Optional<String> apiUrl = SaleorJson.installationOf(installations.reading(), merchant.id(), ProviderId.ADYEN,
                AdyenSaleorApp.HUB_ID_PREFIX, transaction)
            .or(() -> SaleorJson.installationOf(installations.changing(), merchant.id(), ProviderId.ADYEN,
                AdyenSaleorApp.HUB_ID_PREFIX, transaction));
        if (apiUrl.isEmpty()) {
            return; // not a Saleor transaction (pay-by-link, Customer Area…): nobody to report to
        }
        Optional<AdyenNotifications.Item> item = AdyenNotifications.items(request).stream()
            .filter(i -> AdyenNotifications.itemKey(i.pspReference(), i.eventCode(), i.success(), i.originalReference())
                .equals(key))
            .findFirst();
        if (item.isEmpty()) {
            return;
        }
        for (TransactionEvent event : events) {
            Optional<String> type = TransactionReport.saleorType(event.operation(), event.result());
            if (type.isPresent()) {
                reports.add(TransactionReport.toSend(ids.newId(), merchant.id(), transaction.id(), apiUrl.get(),
                    ProviderId.ADYEN, saleorId, item.get().pspReference(), type.get(), event.amount().toMajorString(),
                    event.at(), event.message(), clock.instant()));
            }
        }
    }
}
