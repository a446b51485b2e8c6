package dev.payhooks.adapters.adyen;

import dev.payhooks.adapters.adyen.AdyenChannels.AdyenChannel;
import dev.payhooks.adapters.adyen.AdyenCheckoutClient.Outcome;
import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.saleor.SaleorJson;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorSessionApp;
import dev.payhooks.adapters.saleor.SaleorSessionRequest;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SaleorSubscriptions;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.adapters.saleor.SessionReplies;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.ActionAnswer;
import dev.payhooks.application.saleor.ActionCommand;
import dev.payhooks.application.saleor.CancelTransaction;
import dev.payhooks.application.saleor.ChargeTransaction;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.ProviderAnswer;
import dev.payhooks.application.saleor.RefundTransaction;
import dev.payhooks.application.saleor.ReplyFormat;
import dev.payhooks.application.saleor.SessionCommand;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.saleor.SaleorJson.actionCurrency;
import static dev.payhooks.adapters.saleor.SaleorJson.currency;
import static dev.payhooks.adapters.saleor.SaleorJson.object;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredMoney;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredObject;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredString;
import static dev.payhooks.adapters.saleor.SaleorJson.sha256;
import static dev.payhooks.adapters.saleor.SaleorJson.string;

/**
 * Adyen as a Saleor payment app: reads each webhook into a command for its handler
 * ({@link InitializeSession}, {@link ProcessSession}, {@link ChargeTransaction},
 * {@link CancelTransaction}, {@link RefundTransaction}) and writes the handler's answer in
 * Saleor's schema; {@link AdyenPayments} makes the Adyen calls. Gateway initialize only asks
 * Adyen for the payment methods ({@code /paymentMethods}).
 */
public class AdyenSaleorApp extends SaleorSessionApp<AdyenChannel> {

    /** The Saleor handlers of the Adyen app. */
    public record Handlers(InitializeSession initialize, ProcessSession process, ChargeTransaction charge,
                           CancelTransaction cancel, RefundTransaction refund) { }

    /** How a session's answer is written for Saleor. */
    public static final SessionReplies SESSION_REPLIES = new SessionReplies("Adyen");

    /** How a charge, cancel or refund answer is written: pending is the operation's pspReference alone. */
    public static final ReplyFormat<ActionAnswer> ACTION_REPLIES = answer -> {
        if (answer.result() == OperationResult.REQUEST) {
            return JSON.createObjectBuilder().add("pspReference", answer.reference().orElseThrow()).build().toString();
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        answer.reference().ifPresent(reference -> json.add("pspReference", reference));
        String message = answer.missingReference() ? "The transaction has no Adyen pspReference" : answer.message();
        return json.add("result", answer.operation().name() + "_FAILURE")
            .add("amount", new BigDecimal(answer.amount().toMajorString()))
            .add("time", answer.time().toString())
            .add("message", message.length() <= 512 ? message : message.substring(0, 511) + "…")
            .build().toString();
    };

    private final AdyenCheckoutClient adyen;
    private final Handlers handlers;

    public AdyenSaleorApp(AdyenChannels channels, AdyenCheckoutClient adyen, UnitOfWork units, Handlers handlers) {
        super(ProviderId.ADYEN, "Adyen", channels, units, handlers.initialize(), handlers.process());
        this.adyen = adyen;
        this.handlers = handlers;
    }

    @Override
    protected List<Action> actions() {
        return List.of(
            new Action("charge", "transaction_charge_requested", true, SaleorSubscriptions.TRANSACTION_CHARGE_REQUESTED,
                webhook -> SaleorReply.of(handlers.charge().handle(action(webhook, "charge")))),
            new Action("cancel", "transaction_cancelation_requested", true, SaleorSubscriptions.TRANSACTION_CANCELATION_REQUESTED,
                webhook -> SaleorReply.of(handlers.cancel().handle(action(webhook, "cancel")))),
            new Action("refund", "transaction_refund_requested", true, SaleorSubscriptions.TRANSACTION_REFUND_REQUESTED,
                webhook -> SaleorReply.of(handlers.refund().handle(action(webhook, "refund")))));
    }

    /** What the hub's ids of this app's Saleor transactions start with. */
    static final String HUB_ID_PREFIX = "adyen";

    /** The hub's id of a Saleor transaction of one instance: stable, so a redelivery finds it. */
    static TransactionId hubTransactionId(String apiUrl, String saleorTransactionId) {
        return SaleorJson.hubTransactionId(HUB_ID_PREFIX, apiUrl, saleorTransactionId);
    }

    // ---- payment_gateway_initialize_session -----------------------------------------------

    @Override
    protected JsonObjectBuilder gatewayData(SaleorWebhook webhook, SaleorSourceObject source, AdyenChannel channel) {
        Currency currency = currency(source.currencyCode());
        Money amount = webhook.body().containsKey("amount") && webhook.body().get("amount") != JsonValue.NULL
            ? requiredMoney(webhook.body(), "amount", currency) : source.total();
        JsonObjectBuilder request = JSON.createObjectBuilder()
            .add("merchantAccount", channel.merchantAccount())
            .add("channel", "Web");
        if (amount != null) {
            request.add("amount", AdyenPayments.amount(amount));
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
            data.add("errors", AdyenPayments.errorsOf(outcome));
        }
        return data;
    }

    // ---- transaction_initialize_session / transaction_process_session -----------------------

    @Override
    protected SessionCommand session(SaleorSessionRequest request, boolean process) {
        String saleorId = request.saleorId();
        Money amount = request.amount();
        // Saleor asking for an authorization means manual capture, whatever the channel does otherwise
        boolean authorizationOnly = "AUTHORIZATION".equals(string(request.action(), "actionType"));
        JsonObject data = object(request.body(), "data");
        Optional<String> psp = Optional.ofNullable(string(request.transaction(), "pspReference")).filter(p -> !p.isBlank());
        Optional<ProviderAnswer> refused = Optional.empty();
        if (process && (data == null || !data.containsKey("details"))) {
            refused = Optional.of(ProviderAnswer.unsettled(psp,
                "data.details from the Adyen drop-in is required to process the payment",
                SessionReplies.Data.errorsOnly(AdyenSessionResult.errors("MissingDetails", "data.details is required",
                    Optional.empty(), 0).build())));
        }
        Optional<String> idempotencyKey = Optional.ofNullable(string(request.body(), "idempotencyKey")).filter(k -> !k.isBlank());
        // a repeated delivery of the same request gets the stored answer, without a second Adyen call
        String key = process
            ? "process:" + saleorId + ":" + amount.toMajorString() + ":" + sha256(String.valueOf(data)).substring(0, 16)
            : idempotencyKey.map(k -> "initialize:" + k).orElse("initialize:" + saleorId + ":" + amount.toMajorString());
        return request.command(hubTransactionId(request.installation().apiUrl(), saleorId), authorizationOnly, key, psp,
            refused, new AdyenPayments.SessionData(data, request.source(), idempotencyKey));
    }

    // ---- charge / cancel / refund requested -------------------------------------------------

    private static ActionCommand action(SaleorWebhook webhook, String kind) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject action = requiredObject(body, "action");
        JsonObject order = object(transaction, "order");
        JsonObject checkout = object(transaction, "checkout");
        SaleorSourceObject source = SaleorSourceObject.from(order != null ? order : checkout);
        Currency currency = actionCurrency(action, source.currencyCode());
        Money amount = kind.equals("cancel") && action.get("amount") == null ? Money.zero(currency)
            : requiredMoney(action, "amount", currency);
        String psp = string(transaction, "pspReference");
        psp = psp == null || psp.isBlank() ? null : psp;
        JsonObject granted = object(body, "grantedRefund");
        Optional<JsonArray> lines = Optional.empty();
        if (kind.equals("refund")) {
            try {
                lines = AdyenLineItems.forRefund(amount, order == null ? null : source, granted);
            } catch (IllegalArgumentException badLine) {
                throw new ApiProblem(400, badLine.getMessage());
            }
        }
        String grantedId = granted == null ? null : string(granted, "id");
        // Saleor re-sends action webhooks: a repeat gets the stored pending answer without a second Adyen call
        String key = kind + ":" + saleorId + ":" + psp + ":"
            + (grantedId == null ? amount.toMajorString() : "granted:" + grantedId);
        // and Adyen answers a repeated Idempotency-Key with its first answer
        String idempotencyKey = sha256(webhook.installation().apiUrl() + "|" + saleorId + "|"
            + kind.toUpperCase(Locale.ROOT) + "|" + amount.minorUnits() + "|" + (granted == null ? "" : grantedId));
        return new ActionCommand(webhook.installation(), saleorId, Optional.ofNullable(source.channelSlug()), amount,
            Optional.ofNullable(psp), key, new AdyenPayments.ActionData(lines, idempotencyKey), webhook.deadline());
    }
}
