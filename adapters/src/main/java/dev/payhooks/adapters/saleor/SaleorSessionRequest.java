package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.ProviderAnswer;
import dev.payhooks.application.saleor.ProviderData;
import dev.payhooks.application.saleor.SessionCommand;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.JsonObject;

import java.util.Optional;

import static dev.payhooks.adapters.saleor.SaleorJson.actionCurrency;
import static dev.payhooks.adapters.saleor.SaleorJson.object;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredMoney;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredObject;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredString;

/**
 * What every {@code transaction_initialize_session} and {@code transaction_process_session}
 * body carries: the transaction and its Saleor id, the action with its amount in the action's
 * (or else the source object's) currency, and the checkout or order.
 */
public record SaleorSessionRequest(SaleorWebhook webhook, JsonObject transaction, String saleorId, JsonObject action,
                                   SaleorSourceObject source, Currency currency, Money amount) {

    /** Reads a session webhook; a missing or mistyped field is the sender's mistake (400). */
    public static SaleorSessionRequest read(SaleorWebhook webhook) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject action = requiredObject(body, "action");
        SaleorSourceObject source = SaleorSourceObject.from(object(body, "sourceObject"));
        Currency currency = actionCurrency(action, source.currencyCode());
        return new SaleorSessionRequest(webhook, transaction, saleorId, action, source, currency,
            requiredMoney(action, "amount", currency));
    }

    public JsonObject body() {
        return webhook.body();
    }

    /** The Saleor instance (and app) the webhook came from. */
    public SaleorInstallation installation() {
        return webhook.installation();
    }

    /** The session's command for the hub transaction {@code hubId}, with what the provider's app read besides. */
    public SessionCommand command(TransactionId hubId, boolean authorizationOnly, String deliveryKey,
                                  Optional<String> pspReference, Optional<ProviderAnswer> refusedBeforeCall,
                                  ProviderData data) {
        return new SessionCommand(webhook.installation(), hubId, saleorId, Optional.ofNullable(source.channelSlug()), amount,
            authorizationOnly, deliveryKey, pspReference, refusedBeforeCall, data, webhook.deadline());
    }
}
