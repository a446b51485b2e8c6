package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.adyen.AdyenChannels.AdyenChannel;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Account;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Outcome;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SessionReplies;
import dev.payhooks.application.saleor.AnswerDeadline;
import dev.payhooks.application.saleor.PaymentProvider;
import dev.payhooks.application.saleor.ProviderAnswer;
import dev.payhooks.application.saleor.ProviderChannel;
import dev.payhooks.application.saleor.ProviderData;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * Adyen's Checkout API behind the Saleor handlers' provider port: initialize →
 * {@code /payments}, process → {@code /payments/details}, charge / cancel / refund → the
 * payment's {@code captures} / {@code cancels} / {@code refunds} (pending: Adyen confirms them by
 * notification). A timeout, an unreachable Adyen or an error answer is not Adyen's word on the
 * payment: the answer is unsettled and a repeat asks again (Adyen's Idempotency-Key keeps that
 * from paying twice).
 */
public record AdyenPayments(AdyenChannels channels, AdyenCheckoutClient adyen) implements PaymentProvider {

    /**
     * What a session call needs from Saleor's request.
     *
     * @param data           the storefront drop-in's data (paymentMethod, returnUrl, details…), may be null
     * @param idempotencyKey Saleor's key for the request, if any
     */
    public record SessionData(JsonObject data, SaleorSourceObject source, Optional<String> idempotencyKey)
        implements ProviderData { }

    /**
     * What a charge, cancel or refund call needs.
     *
     * @param lineItems      the refunded lines, when Adyen needs them
     * @param idempotencyKey the same for every delivery of the same request
     */
    public record ActionData(Optional<JsonArray> lineItems, String idempotencyKey) implements ProviderData { }

    @Override
    public Optional<ProviderChannel> channel(String merchantId, String channelSlug) {
        return channels.channel(merchantId, channelSlug);
    }

    @Override
    public ProviderAnswer initialize(ProviderChannel configured, SessionCall call) {
        AdyenChannel channel = (AdyenChannel) configured;
        SessionData session = (SessionData) call.data();
        SaleorSourceObject source = session.source();
        JsonObjectBuilder request = JSON.createObjectBuilder();
        if (session.data() != null) {
            session.data().forEach(request::add); // paymentMethod, returnUrl, browserInfo… from the storefront's drop-in
        }
        JsonObjectBuilder metadata = JSON.createObjectBuilder()
            .add("transactionId", call.saleorTransactionId())
            .add("channelId", source.channelSlug());
        metadata.add("Order".equals(source.typename()) ? "orderId" : "checkoutId", source.id() == null ? "" : source.id());
        request.add("reference", call.saleorTransactionId())
            .add("merchantAccount", channel.merchantAccount())
            .add("amount", amount(call.amount()))
            .add("lineItems", AdyenLineItems.all(source))
            .add("metadata", metadata);
        if (!call.charge()) {
            request.add("additionalData", JSON.createObjectBuilder().add("manualCapture", "true"));
        }
        Outcome outcome = within(call.deadline()).payments(channel.account(), request.build(),
            session.idempotencyKey().map(key -> cut(key, 64)).orElse(null));
        return sessionAnswer(outcome, "paymentResponse", call);
    }

    @Override
    public ProviderAnswer process(ProviderChannel configured, SessionCall call) {
        AdyenChannel channel = (AdyenChannel) configured;
        Outcome outcome = within(call.deadline()).paymentDetails(channel.account(), ((SessionData) call.data()).data());
        return sessionAnswer(outcome, "paymentDetailsResponse", call);
    }

    @Override
    public ProviderAnswer charge(ProviderChannel channel, ActionCall call) {
        return modify(channel, call, within(call.deadline())::capture, true);
    }

    @Override
    public ProviderAnswer cancel(ProviderChannel channel, ActionCall call) {
        return modify(channel, call, within(call.deadline())::cancel, false);
    }

    @Override
    public ProviderAnswer refund(ProviderChannel channel, ActionCall call) {
        return modify(channel, call, within(call.deadline())::refund, true);
    }

    /** The client with its calls bounded by what is left of Saleor's wait. */
    private AdyenCheckoutClient within(AnswerDeadline deadline) {
        return adyen.within(deadline.callBound(adyen.timeout()));
    }

    /** One of Adyen's modifications of a payment (capture, cancel, refund), as the client sends it. */
    private interface Modification {
        Outcome send(Account account, String pspReference, JsonObject request, String idempotencyKey);
    }

    private ProviderAnswer modify(ProviderChannel channel, ActionCall call, Modification modification, boolean withAmount) {
        AdyenChannel adyenChannel = (AdyenChannel) channel;
        ActionData data = (ActionData) call.data();
        return actionAnswer(modification.send(adyenChannel.account(), call.reference(), request(adyenChannel, call, withAmount),
            data.idempotencyKey()));
    }

    /**
     * An authorised or refused session is the same fact as Adyen's AUTHORISATION notification
     * for that pspReference, so it gets the notification's key: the notification that follows
     * is then "already recorded" instead of a second authorization. Pending and action-required
     * answers are steps of the session only.
     */
    static String sessionEventKey(String pspReference, OperationResult outcome, String result, Money amount) {
        if (outcome == OperationResult.SUCCESS || outcome == OperationResult.FAILURE) {
            return AdyenNotifications.itemKey(pspReference, "AUTHORISATION", outcome == OperationResult.SUCCESS, "").value();
        }
        return "adyen:session:" + pspReference + ":" + result + ":" + amount.minorUnits();
    }

    private static ProviderAnswer sessionAnswer(Outcome outcome, String responseField, SessionCall call) {
        if (!(outcome instanceof Outcome.Answered answered) || !answered.ok()) {
            JsonObject response = outcome instanceof Outcome.Answered refused
                ? JSON.createObjectBuilder().add(responseField, refused.body()).build() : null;
            return ProviderAnswer.unsettled(call.reference(), messageOf(outcome),
                new SessionReplies.Data(response, errorsOf(outcome).build(), null, true));
        }
        AdyenSessionResult result = AdyenSessionResult.of(answered.body(), call.charge());
        String kind = result.result().substring(result.result().indexOf('_') + 1);
        OperationResult outcomeResult = switch (kind) {
            case "SUCCESS" -> OperationResult.SUCCESS;
            case "REQUEST" -> OperationResult.REQUEST;
            case "ACTION_REQUIRED" -> OperationResult.ACTION_REQUIRED;
            default -> OperationResult.FAILURE;
        };
        Optional<String> eventKey = result.pspReference()
            .map(psp -> sessionEventKey(psp, outcomeResult, result.result(), call.amount()));
        return new ProviderAnswer(outcomeResult, true, result.pspReference(), result.message(), eventKey,
            new SessionReplies.Data(JSON.createObjectBuilder().add(responseField, answered.body()).build(), null,
                AdyenSessionResult.paymentMethodDetails(answered.body()).orElse(null), true));
    }

    private static JsonObject request(AdyenChannel channel, ActionCall call, boolean withAmount) {
        JsonObjectBuilder request = JSON.createObjectBuilder()
            .add("merchantAccount", channel.merchantAccount())
            .add("reference", call.saleorTransactionId());
        if (withAmount) {
            request.add("amount", amount(call.amount()));
        }
        ((ActionData) call.data()).lineItems().ifPresent(items -> request.add("lineItems", items));
        return request.build();
    }

    private static ProviderAnswer actionAnswer(Outcome outcome) {
        if (outcome instanceof Outcome.Answered answered && answered.ok()) {
            // pending: Adyen confirms the modification with a notification
            return new ProviderAnswer(OperationResult.REQUEST, true, AdyenSessionResult.text(answered.body(), "pspReference"),
                "", Optional.empty(), ProviderData.NONE);
        }
        return ProviderAnswer.unsettled(Optional.empty(), messageOf(outcome), ProviderData.NONE);
    }

    static String messageOf(Outcome outcome) {
        if (outcome instanceof Outcome.TimedOut) {
            return AdyenCheckoutClient.TIMEOUT_MESSAGE;
        }
        if (outcome instanceof Outcome.Unreachable unreachable) {
            return unreachable.description();
        }
        Outcome.Answered answered = (Outcome.Answered) outcome;
        return "Adyen answered HTTP " + answered.status()
            + AdyenSessionResult.text(answered.body(), "message").map(m -> ": " + m).orElse("");
    }

    static JsonArrayBuilder errorsOf(Outcome outcome) {
        if (outcome instanceof Outcome.TimedOut) {
            return AdyenSessionResult.errors("TimeoutError", AdyenCheckoutClient.TIMEOUT_MESSAGE, Optional.empty(), 0);
        }
        if (outcome instanceof Outcome.Unreachable unreachable) {
            return AdyenSessionResult.errors("AdyenUnreachable", unreachable.description(), Optional.empty(), 0);
        }
        Outcome.Answered answered = (Outcome.Answered) outcome;
        return AdyenSessionResult.errors("AdyenApiError", messageOf(outcome),
            AdyenSessionResult.text(answered.body(), "errorCode"), answered.status());
    }

    static JsonObject amount(Money amount) {
        return JSON.createObjectBuilder()
            .add("value", amount.minorUnitsAt(ProviderId.ADYEN))
            .add("currency", amount.currency().code())
            .build();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
