package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.TransactionEvent;

import java.util.List;

/**
 * More work for a notification that changed a payment, done in the same transaction as the
 * change (so it happens exactly when the change is stored): e.g. the Saleor report of an Adyen
 * outcome ({@code transactionEventReport} outbox). Called once per applied fact that produced
 * events; never for a fact that was already recorded.
 */
@FunctionalInterface
public interface NotificationFollowUp {

    /**
     * @param request the stored request as it was verified (the provider may re-read its item by {@code key})
     * @param events  what the fact changed on {@code transaction} (not empty)
     */
    void applied(Merchant merchant, Channel channel, InboundRequest request, NotificationKey key,
                 PaymentTransaction transaction, PaymentFact fact, List<TransactionEvent> events);
}
