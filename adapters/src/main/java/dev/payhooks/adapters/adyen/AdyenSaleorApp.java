package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.adyen.AdyenChannels.AdyenChannel;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Outcome;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.saleor.ManifestWebhook;
import dev.payhooks.adapters.saleor.SaleorPaymentApp;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SaleorSubscriptions;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import dev.payhooks.adapters.saleor.SaleorJson;

import dev.payhooks.domain.saleor.WebhookReplies;

import static dev.payhooks.adapters.saleor.SaleorJson.currency;
import static dev.payhooks.adapters.saleor.SaleorJson.object;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredMoney;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredObject;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredString;
import static dev.payhooks.adapters.saleor.SaleorJson.sha256;
import static dev.payhooks.adapters.saleor.SaleorJson.string;

/**
 * Adyen as a Saleor payment app: gateway initialize →
 * {@code /paymentMethods}; transaction initialize → {@code /payments}; process →
 * {@code /payments/details}; charge / cancel / refund requests → the payment's
 * {@code captures} / {@code cancels} / {@code refunds}, answered as pending (Adyen confirms them
 * by notification). Every Adyen call is bounded; a timeout is the webhook's FAILURE result with
 * "Timeout Error". Session outcomes are recorded on the payment (and become outbound events) in
 * one transaction.
 */
public class AdyenSaleorApp implements SaleorPaymentApp {

    static final String NOT_CONFIGURED = "App is not configured";

    private final AdyenChannels channels;
    private final AdyenCheckoutClient adyen;
    private final PaymentTransactions transactions;
    private final TransactionNotices notices;
    private final WebhookReplies replies;
    private final UnitOfWork units;
    private final Clock clock;

    public AdyenSaleorApp(AdyenChannels channels, AdyenCheckoutClient adyen, PaymentTransactions transactions,
                          TransactionNotices notices, WebhookReplies replies, UnitOfWork units, Clock clock) {
        this.replies = replies;
        this.channels = channels;
        this.adyen = adyen;
        this.transactions = transactions;
        this.notices = notices;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public ProviderId provider() {
        return ProviderId.ADYEN;
    }

    @Override
    public String name() {
        return "Payhooks Adyen";
    }

    @Override
    public List<ManifestWebhook> webhooks() {
        return List.of(
            new ManifestWebhook("Adyen gateway initialize", "payment_gateway_initialize_session", true,
                SaleorSubscriptions.PAYMENT_GATEWAY_INITIALIZE_SESSION),
            new ManifestWebhook("Adyen transaction initialize", "transaction_initialize_session", true,
                SaleorSubscriptions.TRANSACTION_INITIALIZE_SESSION),
            new ManifestWebhook("Adyen transaction process", "transaction_process_session", true,
                SaleorSubscriptions.TRANSACTION_PROCESS_SESSION),
            new ManifestWebhook("Adyen charge", "transaction_charge_requested", true,
                SaleorSubscriptions.TRANSACTION_CHARGE_REQUESTED),
            new ManifestWebhook("Adyen cancel", "transaction_cancelation_requested", true,
                SaleorSubscriptions.TRANSACTION_CANCELATION_REQUESTED),
            new ManifestWebhook("Adyen refund", "transaction_refund_requested", true,
                SaleorSubscriptions.TRANSACTION_REFUND_REQUESTED));
    }

    @Override
    public SaleorReply handle(SaleorWebhook webhook) {
        return switch (webhook.event()) {
            case "payment_gateway_initialize_session" -> gatewayInitialize(webhook);
            case "transaction_initialize_session" -> session(webhook, false);
            case "transaction_process_session" -> session(webhook, true);
            case "transaction_charge_requested" -> action(webhook, Action.CHARGE);
            case "transaction_cancelation_requested" -> action(webhook, Action.CANCEL);
            case "transaction_refund_requested" -> action(webhook, Action.REFUND);
            default -> SaleorReply.problem(404, "UNKNOWN_EVENT", "The app does not handle " + webhook.event() + ".");
        };
    }

    /** The hub's id of a Saleor transaction of one instance: stable, so a redelivery finds it. */
    static TransactionId hubTransactionId(String apiUrl, String saleorTransactionId) {
        return SaleorJson.hubTransactionId("adyen", apiUrl, saleorTransactionId);
    }

    // ---- payment_gateway_initialize_session -----------------------------------------------

    private SaleorReply gatewayInitialize(SaleorWebhook webhook) {
        SaleorSourceObject source = SaleorSourceObject.from(object(webhook.body(), "sourceObject"));
        Optional<AdyenChannel> found = configured(webhook, source.channelSlug());
        if (found.isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        AdyenChannel channel = found.get();
        Currency currency = currency(source.currencyCode());
        Money amount = webhook.body().containsKey("amount") && webhook.body().get("amount") != JsonValue.NULL
            ? requiredMoney(webhook.body(), "amount", currency) : source.total();
        JsonObjectBuilder request = JSON.createObjectBuilder()
            .add("merchantAccount", channel.merchantAccount())
            .add("channel", "Web");
        if (amount != null) {
            request.add("amount", adyenAmount(amount));
        }
        if (source.billingAddress() != null && source.billingAddress().countryCode() != null) {
            request.add("countryCode", source.billingAddress().countryCode());
        }
        Outcome outcome = adyen.paymentMethods(channel.account(), request.build());
        JsonObjectBuilder data = JSON.createObjectBuilder()
            .add("clientKey", channel.clientKey())
            .add("environment", channel.environment());
        if (outcome instanceof Outcome.Answered answered && answered.ok()) {
            data.add("paymentMethodsResponse", answered.body());
        } else {
            data.add("paymentMethodsResponse", JsonValue.EMPTY_JSON_OBJECT);
            data.add("errors", errorsOf(outcome));
        }
        return SaleorReply.ok(JSON.createObjectBuilder().add("data", data).build());
    }

    // ---- transaction_initialize_session / transaction_process_session -----------------------

    private SaleorReply session(SaleorWebhook webhook, boolean process) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject action = requiredObject(body, "action");
        SaleorSourceObject source = SaleorSourceObject.from(object(body, "sourceObject"));
        Optional<AdyenChannel> found = configured(webhook, source.channelSlug());
        if (found.isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        AdyenChannel channel = found.get();
        Currency currency = currency(string(action, "currency") != null ? string(action, "currency") : source.currencyCode());
        Money amount = requiredMoney(action, "amount", currency);
        // Saleor asking for an authorization, or a channel that captures later, means manual capture
        boolean charges = channel.charges() && !"AUTHORIZATION".equals(string(action, "actionType"));
        String failure = charges ? "CHARGE_FAILURE" : "AUTHORIZATION_FAILURE";
        JsonObject data = object(body, "data");

        if (process && (data == null || !data.containsKey("details"))) {
            return SaleorReply.ok(sessionReply(failure, blankToNull(string(transaction, "pspReference")), amount,
                "data.details from the Adyen drop-in is required to process the payment", List.of(),
                errors("MissingDetails", "data.details is required", Optional.empty(), 0), null, null));
        }
        String idempotencyKey = string(body, "idempotencyKey");
        // a repeated delivery of the same request gets the stored answer, without a second Adyen call
        String key = process
            ? "process:" + saleorId + ":" + amount.toMajorString() + ":" + sha256(String.valueOf(data)).substring(0, 16)
            : idempotencyKey == null || idempotencyKey.isBlank()
                ? "initialize:" + saleorId + ":" + amount.toMajorString()
                : "initialize:" + idempotencyKey;
        Stored stored = new Stored(scope(webhook), cut(key, 255));
        Optional<SaleorReply> repeated = stored.claim();
        if (repeated.isPresent()) {
            return repeated.get();
        }
        return stored.guard(() -> {
            Outcome outcome;
            if (process) {
                outcome = adyen.paymentDetails(channel.account(), data);
            } else {
                JsonObjectBuilder request = JSON.createObjectBuilder();
                if (data != null) {
                    data.forEach(request::add); // paymentMethod, returnUrl, browserInfo… from the storefront's drop-in
                }
                JsonObjectBuilder metadata = JSON.createObjectBuilder()
                    .add("transactionId", saleorId)
                    .add("channelId", source.channelSlug());
                metadata.add("Order".equals(source.typename()) ? "orderId" : "checkoutId", source.id() == null ? "" : source.id());
                request.add("reference", saleorId)
                    .add("merchantAccount", channel.merchantAccount())
                    .add("amount", adyenAmount(amount))
                    .add("lineItems", AdyenLineItems.all(source))
                    .add("metadata", metadata);
                if (!charges) {
                    request.add("additionalData", JSON.createObjectBuilder().add("manualCapture", "true"));
                }
                outcome = adyen.payments(channel.account(), request.build(),
                    idempotencyKey == null || idempotencyKey.isBlank() ? null : cut(idempotencyKey, 64));
            }
            String responseField = process ? "paymentDetailsResponse" : "paymentResponse";
            if (!(outcome instanceof Outcome.Answered answered) || !answered.ok()) {
                // not an answer to keep: a repeat asks Adyen again (its Idempotency-Key prevents a second payment)
                stored.release();
                String message = messageOf(outcome);
                return SaleorReply.ok(sessionReply(failure, blankToNull(string(transaction, "pspReference")), amount, message,
                    List.of(), errorsOf(outcome), responseField,
                    outcome instanceof Outcome.Answered refused ? refused.body() : null));
            }
            AdyenSessionResult result = AdyenSessionResult.of(answered.body(), charges);
            List<String> actions = switch (result.result()) {
                case "AUTHORIZATION_SUCCESS" -> List.of("CHARGE", "CANCEL");
                case "CHARGE_SUCCESS" -> List.of("REFUND");
                default -> List.of();
            };
            JsonObject reply = sessionReply(result.result(), result.pspReference().orElse(null), amount, result.message(),
                actions, null, responseField, answered.body());
            Optional<JsonObject> method = AdyenSessionResult.paymentMethodDetails(answered.body());
            if (method.isPresent()) {
                reply = JSON.createObjectBuilder(reply).add("paymentMethodDetails", method.get()).build();
            }
            JsonObject answer = reply;
            try {
                units.inNewTransaction(() -> {
                    record(channel, webhook, saleorId, source.channelSlug(), currency, amount, result);
                    stored.complete(answer); // the answer is stored exactly when the outcome is
                    return null;
                });
            } catch (DomainException refused) {
                // the payment cannot take this outcome (e.g. processed again after a refund): say so instead of a false success
                JsonObject failed = sessionReply(failure, result.pspReference().orElse(null), amount,
                    "Adyen answered " + result.result() + " but the payment cannot take it: " + refused.getMessage(),
                    List.of(), null, responseField, answered.body());
                units.inNewTransaction(() -> {
                    stored.complete(failed);
                    return null;
                });
                return SaleorReply.ok(failed);
            }
            return SaleorReply.ok(answer);
        });
    }

    private void record(AdyenChannel channel, SaleorWebhook webhook, String saleorId, String channelSlug,
                        Currency currency, Money amount, AdyenSessionResult result) {
        TransactionId hubId = hubTransactionId(webhook.installation().apiUrl(), saleorId);
        String merchantId = channel.merchant().id();
        PaymentTransaction payment = transactions.byId(merchantId, hubId).orElse(null);
        boolean isNew = payment == null;
        if (isNew) {
            payment = PaymentTransaction.initialize(hubId, channelSlug, ProviderId.ADYEN, saleorId, currency, clock.instant());
        }
        Operation operation = result.result().startsWith("CHARGE_") ? Operation.CHARGE : Operation.AUTHORIZE;
        OperationResult outcome = switch (result.result().substring(result.result().indexOf('_') + 1)) {
            case "SUCCESS" -> OperationResult.SUCCESS;
            case "REQUEST" -> OperationResult.REQUEST;
            case "ACTION_REQUIRED" -> OperationResult.ACTION_REQUIRED;
            default -> OperationResult.FAILURE;
        };
        ProviderReport report = ProviderReport.of(amount, clock.instant()).withMessage(cut(result.message(), 500));
        if (result.pspReference().isPresent()) {
            report = report.withProviderReference(result.pspReference().get())
                .withEventKey(sessionEventKey(result.pspReference().get(), outcome, result.result(), amount));
        }
        List<TransactionEvent> events = payment.apply(operation, outcome, report);
        if (isNew) {
            transactions.add(merchantId, payment);
        } else {
            transactions.update(payment);
        }
        notices.publish(channel.merchant(), payment, events);
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

    private JsonObject sessionReply(String result, String pspReference, Money amount, String message, List<String> actions,
                                    JsonArrayBuilder errors, String responseField, JsonObject adyenResponse) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (pspReference != null) {
            json.add("pspReference", pspReference);
        }
        json.add("result", result)
            .add("amount", new BigDecimal(amount.toMajorString()))
            .add("time", clock.instant().toString())
            .add("message", cut(message, 512));
        JsonArrayBuilder actionList = JSON.createArrayBuilder();
        actions.forEach(actionList::add);
        json.add("actions", actionList);
        JsonObjectBuilder data = JSON.createObjectBuilder();
        if (responseField != null && adyenResponse != null) {
            data.add(responseField, adyenResponse);
        }
        if (errors != null) {
            data.add("errors", errors);
        }
        json.add("data", data);
        return json.build();
    }

    // ---- charge / cancel / refund requested -------------------------------------------------

    enum Action {
        CHARGE("CHARGE_FAILURE"), CANCEL("CANCEL_FAILURE"), REFUND("REFUND_FAILURE");

        final String failure;

        Action(String failure) {
            this.failure = failure;
        }
    }

    private SaleorReply action(SaleorWebhook webhook, Action kind) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject action = requiredObject(body, "action");
        JsonObject order = object(transaction, "order");
        JsonObject checkout = object(transaction, "checkout");
        SaleorSourceObject source = SaleorSourceObject.from(order != null ? order : checkout);
        Optional<AdyenChannel> found = configured(webhook, source.channelSlug());
        if (found.isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        AdyenChannel channel = found.get();
        Currency currency = currency(string(action, "currency") != null ? string(action, "currency") : source.currencyCode());
        Money amount = kind == Action.CANCEL && action.get("amount") == null ? Money.zero(currency)
            : requiredMoney(action, "amount", currency);
        String psp = blankToNull(string(transaction, "pspReference"));
        if (psp == null) {
            return SaleorReply.ok(actionFailure(kind, null, amount, "The transaction has no Adyen pspReference"));
        }
        JsonObjectBuilder request = JSON.createObjectBuilder()
            .add("merchantAccount", channel.merchantAccount())
            .add("reference", saleorId);
        if (kind != Action.CANCEL) {
            request.add("amount", adyenAmount(amount));
        }
        JsonObject granted = object(body, "grantedRefund");
        if (kind == Action.REFUND) {
            Optional<JsonArray> lines;
            try {
                lines = AdyenLineItems.forRefund(amount, order == null ? null : source, granted);
            } catch (IllegalArgumentException badLine) {
                throw new ApiProblem(400, badLine.getMessage());
            }
            lines.ifPresent(items -> request.add("lineItems", items));
        }
        // Saleor re-sends action webhooks: a repeat gets the stored pending answer without a second Adyen call
        Stored stored = new Stored(scope(webhook), cut(kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + saleorId + ":" + psp + ":"
            + (granted == null || string(granted, "id") == null ? amount.toMajorString() : "granted:" + string(granted, "id")),
            255));
        Optional<SaleorReply> repeated = stored.claim();
        if (repeated.isPresent()) {
            return repeated.get();
        }
        return stored.guard(() -> {
            // and Adyen answers a repeated Idempotency-Key with its first answer
            String idempotencyKey = sha256(webhook.installation().apiUrl() + "|" + saleorId + "|" + kind + "|"
                + amount.minorUnits() + "|" + (granted == null ? "" : string(granted, "id")));
            Outcome outcome = switch (kind) {
                case CHARGE -> adyen.capture(channel.account(), psp, request.build(), idempotencyKey);
                case CANCEL -> adyen.cancel(channel.account(), psp, request.build(), idempotencyKey);
                case REFUND -> adyen.refund(channel.account(), psp, request.build(), idempotencyKey);
            };
            if (outcome instanceof Outcome.Answered answered && answered.ok()) {
                // pending: Adyen confirms the modification with a notification
                String modification = AdyenSessionResult.text(answered.body(), "pspReference").orElse(psp);
                JsonObject pending = JSON.createObjectBuilder().add("pspReference", modification).build();
                units.inNewTransaction(() -> {
                    stored.complete(pending);
                    return null;
                });
                return SaleorReply.ok(pending);
            }
            // a failure is not kept: staff asking again is a new attempt
            stored.release();
            return SaleorReply.ok(actionFailure(kind, psp, amount, messageOf(outcome)));
        });
    }

    private JsonObject actionFailure(Action kind, String psp, Money amount, String message) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (psp != null) {
            json.add("pspReference", psp);
        }
        return json.add("result", kind.failure)
            .add("amount", new BigDecimal(amount.toMajorString()))
            .add("time", clock.instant().toString())
            .add("message", cut(message, 512))
            .build();
    }

    // ---- shared ---------------------------------------------------------------------------------

    private static String scope(SaleorWebhook webhook) {
        return ProviderId.ADYEN.slug() + " " + webhook.installation().apiUrl();
    }

    /** One request's stored answer ({@code saleor_webhook_reply}), as the NP Atobarai app keeps them. */
    private final class Stored {
        private final String scope;
        private final String key;

        Stored(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        /** Empty when this request is the first with its key (go on); else the answer to give now. */
        Optional<SaleorReply> claim() {
            WebhookReplies.Claim claim = units.inNewTransaction(() -> replies.claim(scope, key, clock.instant()));
            if (claim instanceof WebhookReplies.Answered answered) {
                return Optional.of(SaleorReply.ok(JSON.createReader(new java.io.StringReader(answered.reply())).readObject()));
            }
            if (claim instanceof WebhookReplies.InProgress) {
                return Optional.of(SaleorReply.problem(409, "IN_PROGRESS",
                    "The same request is being handled; ask again shortly."));
            }
            return Optional.empty();
        }

        /** In the caller's transaction. */
        void complete(JsonObject answer) {
            replies.complete(scope, key, answer.toString(), clock.instant());
        }

        /** Runs the handling of a claimed request; a failure that leaves no answer frees the claim. */
        SaleorReply guard(java.util.function.Supplier<SaleorReply> handling) {
            try {
                return handling.get();
            } catch (RuntimeException unexpected) {
                release(); // only an unanswered claim is removed
                throw unexpected;
            }
        }

        void release() {
            units.inNewTransaction(() -> {
                replies.release(scope, key);
                return null;
            });
        }
    }

    private static String messageOf(Outcome outcome) {
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

    private static JsonArrayBuilder errorsOf(Outcome outcome) {
        if (outcome instanceof Outcome.TimedOut) {
            return errors("TimeoutError", AdyenCheckoutClient.TIMEOUT_MESSAGE, Optional.empty(), 0);
        }
        if (outcome instanceof Outcome.Unreachable unreachable) {
            return errors("AdyenUnreachable", unreachable.description(), Optional.empty(), 0);
        }
        Outcome.Answered answered = (Outcome.Answered) outcome;
        return errors("AdyenApiError", messageOf(outcome), AdyenSessionResult.text(answered.body(), "errorCode"),
            answered.status());
    }

    private static JsonArrayBuilder errors(String code, String message, Optional<String> errorCode, int status) {
        return AdyenSessionResult.errors(code, message, errorCode, status);
    }

    private static JsonObject adyenAmount(Money amount) {
        return JSON.createObjectBuilder()
            .add("value", amount.minorUnitsAt(ProviderId.ADYEN))
            .add("currency", amount.currency().code())
            .build();
    }

    private Optional<AdyenChannel> configured(SaleorWebhook webhook, String slug) {
        return units.inNewTransaction(() -> channels.find(webhook.installation().merchantId(), slug));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
