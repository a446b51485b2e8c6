package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels.NpChannel;
import dev.payhooks.adapters.saleor.SaleorJson;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorSessionApp;
import dev.payhooks.adapters.saleor.SaleorSessionRequest;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SaleorSubscriptions;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.adapters.saleor.SessionReplies;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.NpRefundCommand;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.RefundAnswer;
import dev.payhooks.application.saleor.RefundNpAtobaraiTransaction;
import dev.payhooks.application.saleor.ReplyFormat;
import dev.payhooks.application.saleor.ReportTrackingNumber;
import dev.payhooks.application.saleor.SessionCommand;
import dev.payhooks.application.saleor.TrackingNumberCommand;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.provider.npatobarai.GatewayCheck;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import static dev.payhooks.adapters.saleor.SaleorJson.bool;
import static dev.payhooks.adapters.saleor.SaleorJson.actionCurrency;
import static dev.payhooks.adapters.saleor.SaleorJson.object;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredMoney;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredObject;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredString;
import static dev.payhooks.adapters.saleor.SaleorJson.sha256;
import static dev.payhooks.adapters.saleor.SaleorJson.string;

/**
 * NP Atobarai as a Saleor payment app: reads each webhook into a command for its handler
 * ({@link InitializeSession}, {@link ProcessSession}, {@link RefundNpAtobaraiTransaction},
 * {@link ReportTrackingNumber}) and writes the handler's answer in Saleor's schema;
 * {@link NpAtobaraiPayments} makes the NP calls. Gateway initialize only checks the buyer
 * ({@link GatewayCheck}).
 */
public class NpAtobaraiSaleorApp extends SaleorSessionApp<NpChannel> {

    static final String PD_COMPANY_CODE_KEY = "np-atobarai.pd-company-code";

    /** The Saleor handlers of the NP Atobarai app. */
    public record Handlers(InitializeSession initialize, ProcessSession process, RefundNpAtobaraiTransaction refund,
                           ReportTrackingNumber trackingNumber) { }

    /** How a session's answer is written for Saleor. */
    public static final SessionReplies SESSION_REPLIES = new SessionReplies("NP Atobarai");

    private final Handlers handlers;

    public NpAtobaraiSaleorApp(NpAtobaraiChannels channels, UnitOfWork units, Handlers handlers) {
        super(ProviderId.NP_ATOBARAI, "NP Atobarai", channels, units, handlers.initialize(), handlers.process());
        this.handlers = handlers;
    }

    @Override
    protected List<Action> actions() {
        return List.of(
            new Action("refund", "transaction_refund_requested", true, SaleorSubscriptions.TRANSACTION_REFUND_REQUESTED,
                webhook -> SaleorReply.of(handlers.refund().handle(refund(webhook)),
                    "The same refund is being handled; ask again shortly.")),
            new Action("tracking number", "fulfillment_tracking_number_updated", false,
                SaleorSubscriptions.FULFILLMENT_TRACKING_NUMBER_UPDATED,
                webhook -> handlers.trackingNumber().handle(trackingNumber(webhook)) == ReportTrackingNumber.Result.ACCEPTED
                    ? SaleorReply.ok(JSON.createObjectBuilder().add("success", true).build()) : SaleorReply.notConfigured()));
    }

    /** What the hub's ids of this app's Saleor transactions start with. */
    static final String HUB_ID_PREFIX = "np";

    /** The hub's id of a Saleor transaction of one instance: stable, so a redelivery finds it. */
    static TransactionId hubTransactionId(String apiUrl, String saleorTransactionId) {
        return SaleorJson.hubTransactionId(HUB_ID_PREFIX, apiUrl, saleorTransactionId);
    }

    // ---- payment_gateway_initialize_session -----------------------------------------------

    @Override
    protected JsonObjectBuilder gatewayData(SaleorWebhook webhook, SaleorSourceObject source, NpChannel channel) {
        var billing = source.billingAddress();
        var shipping = source.shippingAddress();
        var problem = GatewayCheck.firstProblem(new GatewayCheck.Buyer(source.currencyCode(),
            shipping == null ? null : shipping.countryCode(), billing != null,
            billing == null ? null : billing.phone(), source.email()));
        JsonObjectBuilder data = JSON.createObjectBuilder();
        problem.ifPresent(p -> data.add("errors", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("code", p.code()).add("message", p.message()))));
        return data;
    }

    // ---- transaction_initialize_session / transaction_process_session -----------------------

    @Override
    protected SessionCommand session(SaleorSessionRequest request, boolean process) {
        JsonObject body = request.body();
        String saleorId = request.saleorId();
        String token = requiredString(request.transaction(), "token");
        Money amount = request.amount();
        String idempotencyKey = string(body, "idempotencyKey");
        String key = !process && idempotencyKey != null && !idempotencyKey.isBlank()
            ? "initialize:" + cut(idempotencyKey, 200)
            : (process ? "process:" : "initialize:") + saleorId + ":" + amount.toMajorString()
                + (process ? ":" + sha256(String.valueOf(body.get("sourceObject"))).substring(0, 16) : "");
        // everything the request can be refused for is checked before the claim, so a refused
        // request leaves no claim behind that would block its corrected repeat
        boolean jpy = request.currency() == Currency.of("JPY");
        if (jpy) {
            NpOrderTranslation.transaction(token, string(body, "issuedAt"), amount.minorUnits(), request.source(), false);
        }
        Optional<String> psp = process ? Optional.ofNullable(blankToNull(string(request.transaction(), "pspReference")))
            : Optional.empty();
        return request.command(hubTransactionId(request.installation().apiUrl(), saleorId), false, key, psp,
            Optional.empty(), new NpAtobaraiPayments.SessionData(token, string(body, "issuedAt"), request.source(), jpy,
                request.currency().code()));
    }

    // ---- transaction_refund_requested ----------------------------------------------------

    private static NpRefundCommand refund(SaleorWebhook webhook) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject orderJson = object(transaction, "order");
        if (orderJson == null) {
            throw new ApiProblem(400, "transaction.order is missing");
        }
        SaleorSourceObject order = SaleorSourceObject.from(orderJson);
        JsonObject action = requiredObject(body, "action");
        Currency currency = actionCurrency(action, order.currencyCode());
        Money amount = requiredMoney(action, "amount", currency);
        JsonObject charged = object(transaction, "chargedAmount");
        Money chargedAmount = charged == null ? null : requiredMoney(charged, "amount", currency);
        JsonObject granted = object(body, "grantedRefund");
        String grantedId = granted == null ? null : requiredString(granted, "id");
        GrantedLines grantedLines = grantedLines(granted);
        String token = token(transaction);
        String orderDate = dateOf(transaction, body);
        NpOrderTranslation.orderDate(orderDate);
        Optional<OrderGoods> goods;
        Optional<String> goodsProblem;
        try {
            goods = Optional.of(NpOrderTranslation.goods(order, false));
            goodsProblem = Optional.empty();
        } catch (DomainException unreadable) {
            goods = Optional.empty();
            goodsProblem = Optional.of(unreadable.getMessage());
        }
        String key = "refund:" + saleorId + ":" + (grantedId != null ? "granted:" + grantedId : amount.toMajorString());
        return new NpRefundCommand(webhook.installation(), hubTransactionId(webhook.installation().apiUrl(), saleorId),
            Optional.ofNullable(order.channelSlug()), amount, Optional.ofNullable(chargedAmount),
            Optional.ofNullable(grantedId), grantedLines.quantities(), grantedLines.lines(), grantedLines.shippingIncluded(),
            goods, goodsProblem, Optional.ofNullable(blankToNull(string(transaction, "pspReference"))), key,
            new NpAtobaraiPayments.RefundOrder(token, orderDate, order), webhook.deadline());
    }

    /** How a refund's answer is written for Saleor. */
    public static final ReplyFormat<RefundAnswer> REFUND_REPLIES = answer -> {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        answer.reference().ifPresent(reference -> json.add("pspReference", reference));
        return json.add("result", answer.success() ? "REFUND_SUCCESS" : "REFUND_FAILURE")
            .add("amount", new BigDecimal(answer.amount().toMajorString()))
            .add("time", answer.time().toString())
            .add("message", cut(answer.message(), 512))
            .add("actions", answer.success() ? JSON.createArrayBuilder() : JSON.createArrayBuilder().add("REFUND"))
            .build().toString();
    };

    /** A granted refund's lines and shipping flag; empty for a manual refund. */
    record GrantedLines(Map<String, Integer> quantities, List<RefundLine> lines, boolean shippingIncluded) { }

    private static GrantedLines grantedLines(JsonObject granted) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        List<RefundLine> lines = new ArrayList<>();
        if (granted == null) {
            return new GrantedLines(quantities, lines, false);
        }
        JsonValue lineList = granted.get("lines");
        if (lineList != null && lineList.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : lineList.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new ApiProblem(400, "grantedRefund.lines must be objects");
                }
                JsonObject line = value.asJsonObject();
                String orderLineId = requiredString(requiredObject(line, "orderLine"), "id");
                JsonValue quantity = line.get("quantity");
                if (!(quantity instanceof jakarta.json.JsonNumber n) || !n.isIntegral() || n.intValue() < 1) {
                    throw new ApiProblem(400, "grantedRefund.lines.quantity must be a positive integer");
                }
                quantities.merge(orderLineId, n.intValue(), Integer::sum);
                try {
                    lines.add(RefundLine.of(requiredString(line, "id"), orderLineId, n.intValue()));
                } catch (DomainException invalid) {
                    throw new ApiProblem(400, "grantedRefund.lines: " + invalid.getMessage());
                }
            }
        }
        return new GrantedLines(quantities, lines, Boolean.TRUE.equals(bool(granted, "shippingCostsIncluded")));
    }

    // ---- fulfillment_tracking_number_updated (async) --------------------------------------

    private static TrackingNumberCommand trackingNumber(SaleorWebhook webhook) {
        JsonObject body = webhook.body();
        JsonObject fulfillment = requiredObject(body, "fulfillment");
        JsonObject order = requiredObject(body, "order");
        String orderId = requiredString(order, "id");
        JsonObject channelJson = object(order, "channel");
        String slug = channelJson == null ? null : string(channelJson, "slug");
        SaleorInstallation installation = webhook.installation();
        List<TransactionId> completed = new ArrayList<>();
        boolean anyOfThisApp = false;
        JsonValue list = order.get("transactions");
        if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : list.asJsonArray()) {
                JsonObject transaction = value.asJsonObject();
                JsonObject createdBy = object(transaction, "createdBy");
                if (createdBy == null || !installation.appId().equals(string(createdBy, "id"))) {
                    continue;  // another app's transaction: not ours to report
                }
                anyOfThisApp = true;
                JsonValue events = transaction.get("events");
                boolean done = events != null && events.getValueType() == JsonValue.ValueType.ARRAY
                    && events.asJsonArray().stream().anyMatch(e -> e.getValueType() == JsonValue.ValueType.OBJECT
                        && ("CHARGE_SUCCESS".equals(string(e.asJsonObject(), "type"))
                            || "AUTHORIZATION_SUCCESS".equals(string(e.asJsonObject(), "type"))));
                if (done) {
                    completed.add(hubTransactionId(installation.apiUrl(), requiredString(transaction, "id")));
                }
            }
        }
        return new TrackingNumberCommand(installation, Optional.ofNullable(slug), orderId,
            FulfillmentId.of(requiredString(fulfillment, "id")),
            Optional.ofNullable(blankToNull(string(fulfillment, "trackingNumber"))), pdCompanyCode(fulfillment),
            anyOfThisApp, completed);
    }

    private static Optional<String> pdCompanyCode(JsonObject fulfillment) {
        for (String list : new String[] {"privateMetadata", "metadata"}) {
            JsonValue items = fulfillment.get(list);
            if (items != null && items.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : items.asJsonArray()) {
                    if (item.getValueType() == JsonValue.ValueType.OBJECT
                        && PD_COMPANY_CODE_KEY.equals(string(item.asJsonObject(), "key"))) {
                        return Optional.ofNullable(blankToNull(string(item.asJsonObject(), "value")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    // ---- helpers ---------------------------------------------------------------------------



    private static String token(JsonObject transaction) {
        String token = string(transaction, "token");
        return token == null ? requiredString(transaction, "id") : token;
    }

    private static String dateOf(JsonObject transaction, JsonObject body) {
        String created = string(transaction, "createdAt");
        return created != null ? created : string(body, "issuedAt");
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
