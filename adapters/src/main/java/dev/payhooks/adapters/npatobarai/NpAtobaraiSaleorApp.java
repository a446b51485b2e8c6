package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels.NpChannel;
import dev.payhooks.adapters.saleor.ManifestWebhook;
import dev.payhooks.adapters.saleor.SaleorPaymentApp;
import dev.payhooks.adapters.saleor.SaleorReply;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SaleorSubscriptions;
import dev.payhooks.adapters.saleor.SaleorWebhook;
import dev.payhooks.adapters.saleor.SessionReplies;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.InitializeSession;
import dev.payhooks.application.saleor.ProcessSession;
import dev.payhooks.application.saleor.SessionCommand;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.FulfillmentId;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.provider.npatobarai.GatewayCheck;
import dev.payhooks.domain.provider.npatobarai.HoldReason;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.provider.npatobarai.RefundPlan;
import dev.payhooks.domain.provider.npatobarai.RefundStep;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.refund.RefundStage;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.WebhookReplies;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.payhooks.adapters.saleor.SaleorJson;

import static dev.payhooks.adapters.saleor.SaleorJson.bool;
import static dev.payhooks.adapters.saleor.SaleorJson.currency;
import static dev.payhooks.adapters.saleor.SaleorJson.object;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredMoney;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredObject;
import static dev.payhooks.adapters.saleor.SaleorJson.requiredString;
import static dev.payhooks.adapters.saleor.SaleorJson.sha256;
import static dev.payhooks.adapters.saleor.SaleorJson.string;

/**
 * NP Atobarai as a Saleor payment app. Each
 * synchronous webhook runs the same way: read the body, find the channel's configuration,
 * claim the request's key (a repeated webhook gets the stored answer and NP is not called
 * again), call NP outside any database transaction, then apply the outcome to the
 * {@link PaymentTransaction} (and {@link Refund}), write the outbound events and store the
 * answer in one transaction. What an NP answer means is decided by the domain
 * ({@link CreditCheck}, {@link RefundPlan}, {@link GatewayCheck}).
 */
public class NpAtobaraiSaleorApp implements SaleorPaymentApp {

    static final String NOT_CONFIGURED = "App is not configured";
    static final String PD_COMPANY_CODE_KEY = "np-atobarai.pd-company-code";

    private final NpAtobaraiChannels channels;
    private final NpAtobaraiClient np;
    private final PaymentTransactions transactions;
    private final Refunds refunds;
    private final Fulfillments fulfillments;
    private final FulfillmentOrigins origins;
    private final OrderNotes notes;
    private final WebhookReplies replies;
    private final TransactionNotices notices;
    private final IdGenerator ids;
    private final UnitOfWork units;
    private final Clock clock;
    private final Handlers handlers;

    /** The Saleor handlers of the NP Atobarai app. */
    public record Handlers(InitializeSession initialize, ProcessSession process) { }

    /** How a session's answer is written for Saleor. */
    public static final SessionReplies SESSION_REPLIES = new SessionReplies("NP Atobarai");

    public NpAtobaraiSaleorApp(NpAtobaraiChannels channels, NpAtobaraiClient np, PaymentTransactions transactions,
                               Refunds refunds, Fulfillments fulfillments, FulfillmentOrigins origins, OrderNotes notes,
                               WebhookReplies replies, TransactionNotices notices, IdGenerator ids, UnitOfWork units,
                               Clock clock, Handlers handlers) {
        this.handlers = handlers;
        this.channels = channels;
        this.np = np;
        this.transactions = transactions;
        this.refunds = refunds;
        this.fulfillments = fulfillments;
        this.origins = origins;
        this.notes = notes;
        this.replies = replies;
        this.notices = notices;
        this.ids = ids;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public ProviderId provider() {
        return ProviderId.NP_ATOBARAI;
    }

    @Override
    public String name() {
        return "Payhooks NP Atobarai";
    }

    @Override
    public List<ManifestWebhook> webhooks() {
        return List.of(
            new ManifestWebhook("NP Atobarai gateway initialize", "payment_gateway_initialize_session", true,
                SaleorSubscriptions.PAYMENT_GATEWAY_INITIALIZE_SESSION),
            new ManifestWebhook("NP Atobarai transaction initialize", "transaction_initialize_session", true,
                SaleorSubscriptions.TRANSACTION_INITIALIZE_SESSION),
            new ManifestWebhook("NP Atobarai transaction process", "transaction_process_session", true,
                SaleorSubscriptions.TRANSACTION_PROCESS_SESSION),
            new ManifestWebhook("NP Atobarai refund", "transaction_refund_requested", true,
                SaleorSubscriptions.TRANSACTION_REFUND_REQUESTED),
            new ManifestWebhook("NP Atobarai tracking number", "fulfillment_tracking_number_updated", false,
                SaleorSubscriptions.FULFILLMENT_TRACKING_NUMBER_UPDATED));
    }

    @Override
    public SaleorReply handle(SaleorWebhook webhook) {
        return switch (webhook.event()) {
            case "payment_gateway_initialize_session" -> gatewayInitialize(webhook);
            case "transaction_initialize_session" -> SaleorReply.of(handlers.initialize().handle(session(webhook, false)));
            case "transaction_process_session" -> SaleorReply.of(handlers.process().handle(session(webhook, true)));
            case "transaction_refund_requested" -> refund(webhook);
            case "fulfillment_tracking_number_updated" -> trackingNumberUpdated(webhook);
            default -> SaleorReply.problem(404, "UNKNOWN_EVENT", "The app does not handle " + webhook.event() + ".");
        };
    }

    /** The hub's id of a Saleor transaction of one instance: stable, so a redelivery finds it. */
    static TransactionId hubTransactionId(String apiUrl, String saleorTransactionId) {
        return SaleorJson.hubTransactionId("np", apiUrl, saleorTransactionId);
    }

    // ---- payment_gateway_initialize_session -----------------------------------------------

    private SaleorReply gatewayInitialize(SaleorWebhook webhook) {
        SaleorSourceObject source = SaleorSourceObject.from(object(webhook.body(), "sourceObject"));
        if (configured(webhook, source.channelSlug()).isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        var billing = source.billingAddress();
        var shipping = source.shippingAddress();
        var problem = GatewayCheck.firstProblem(new GatewayCheck.Buyer(source.currencyCode(),
            shipping == null ? null : shipping.countryCode(), billing != null,
            billing == null ? null : billing.phone(), source.email()));
        JsonObjectBuilder data = JSON.createObjectBuilder();
        problem.ifPresent(p -> data.add("errors", JSON.createArrayBuilder()
            .add(JSON.createObjectBuilder().add("code", p.code()).add("message", p.message()))));
        return SaleorReply.ok(JSON.createObjectBuilder().add("data", data).build());
    }

    // ---- transaction_initialize_session / transaction_process_session -----------------------

    private static SessionCommand session(SaleorWebhook webhook, boolean process) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        String token = requiredString(transaction, "token");
        JsonObject action = requiredObject(body, "action");
        SaleorSourceObject source = SaleorSourceObject.from(object(body, "sourceObject"));
        Currency currency = currency(string(action, "currency") != null ? string(action, "currency") : source.currencyCode());
        Money amount = requiredMoney(action, "amount", currency);
        String idempotencyKey = string(body, "idempotencyKey");
        String key = !process && idempotencyKey != null && !idempotencyKey.isBlank()
            ? "initialize:" + cut(idempotencyKey, 200)
            : (process ? "process:" : "initialize:") + saleorId + ":" + amount.toMajorString()
                + (process ? ":" + sha256(String.valueOf(body.get("sourceObject"))).substring(0, 16) : "");
        // everything the request can be refused for is checked before the claim, so a refused
        // request leaves no claim behind that would block its corrected repeat
        boolean jpy = currency == Currency.of("JPY");
        if (jpy) {
            NpOrderTranslation.transaction(token, string(body, "issuedAt"), amount.minorUnits(), source, false);
        }
        Optional<String> psp = process ? Optional.ofNullable(blankToNull(string(transaction, "pspReference")))
            : Optional.empty();
        return new SessionCommand(webhook.installation(), hubTransactionId(webhook.installation().apiUrl(), saleorId),
            saleorId, Optional.ofNullable(source.channelSlug()), amount, false, key, psp, Optional.empty(),
            new NpAtobaraiPayments.SessionData(token, string(body, "issuedAt"), source, jpy, currency.code()));
    }

    // ---- transaction_refund_requested ----------------------------------------------------

    private SaleorReply refund(SaleorWebhook webhook) {
        JsonObject body = webhook.body();
        JsonObject transaction = requiredObject(body, "transaction");
        String saleorId = requiredString(transaction, "id");
        JsonObject orderJson = object(transaction, "order");
        if (orderJson == null) {
            throw new ApiProblem(400, "transaction.order is missing");
        }
        SaleorSourceObject order = SaleorSourceObject.from(orderJson);
        Optional<NpChannel> found = configured(webhook, order.channelSlug());
        if (found.isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        NpChannel channel = found.get();
        JsonObject action = requiredObject(body, "action");
        Currency currency = currency(string(action, "currency") != null ? string(action, "currency") : order.currencyCode());
        Money amount = requiredMoney(action, "amount", currency);
        JsonObject charged = object(transaction, "chargedAmount");
        Money chargedAmount = charged == null ? null : requiredMoney(charged, "amount", currency);
        JsonObject granted = object(body, "grantedRefund");
        String grantedId = granted == null ? null : requiredString(granted, "id");
        GrantedLines grantedLines = grantedLines(granted);
        String token = token(transaction);
        String orderDate = dateOf(transaction, body);
        NpOrderTranslation.orderDate(orderDate);
        String key = "refund:" + saleorId + ":" + (grantedId != null ? "granted:" + grantedId : amount.toMajorString());
        String scope = scope(webhook.installation());
        TransactionId hubId = hubTransactionId(webhook.installation().apiUrl(), saleorId);
        String merchantId = channel.merchant().id();

        WebhookReplies.Claim claim = units.inNewTransaction(() -> replies.claim(scope, cut(key, 255), clock.instant()));
        if (claim instanceof WebhookReplies.Answered answered) {
            return SaleorReply.ok(parse(answered.reply()));
        }
        if (claim instanceof WebhookReplies.InProgress) {
            return SaleorReply.problem(409, "IN_PROGRESS", "The same refund is being handled; ask again shortly.");
        }
        String pspReference = blankToNull(string(transaction, "pspReference"));

        // what to do, and the refund recorded as REQUESTED before NP is called
        RefundStart start;
        try {
            start = units.inNewTransaction(() -> startRefund(merchantId, hubId, pspReference, amount,
                chargedAmount, grantedId, grantedLines, order, channel));
        } catch (DomainException refused) {
            start = new RefundStart(null, pspReference, null, null, "Refund refused: " + refused.getMessage());
        }
        if (start.failure() != null) {
            JsonObject json = refundReply(false, start.npId(), amount, start.failure());
            releaseAlone(scope, key);  // nothing happened at NP: asking again is a new attempt
            return SaleorReply.ok(json);
        }
        RefundStart started = start;

        StepResult result = execute(started, channel, token, orderDate, order);

        JsonObject json = units.inNewTransaction(() -> {
            PaymentTransaction payment = transactions.byId(merchantId, hubId).orElseThrow();
            Refund refund = refunds.byId(started.refundId()).orElseThrow();
            ProviderReport report = ProviderReport.of(amount, clock.instant())
                .withProviderReference(result.npId() != null ? result.npId() : started.npId());
            if (result.newNpId() != null) {
                report = report.withNewPaymentReference(result.newNpId());
            }
            List<TransactionEvent> events;
            if (result.failure() == null) {
                refund.succeeded(result.newNpId() != null ? result.newNpId() : started.npId(), clock.instant());
                events = payment.refundSucceeded(report.withMessage("Refunded with NP Atobarai: " + started.plan().kind()));
            } else {
                refund.failed(result.failure(), clock.instant());
                events = payment.refundFailed(report.withMessage(result.failure()));
            }
            if (result.newNpId() != null && started.shipment() != null) {
                Fulfillment shipment = fulfillments.byId(hubId, started.shipment().id()).orElseThrow();
                if (shipment.status() == ShipmentReportStatus.REPORTED && started.resumeAfter() != RefundStep.SHIPMENT) {
                    shipment.reportNeededAgain(clock.instant());  // reported for the old NP transaction
                }
                if (result.reshipped() && shipment.status() != ShipmentReportStatus.REPORTED) {
                    shipment.reportSucceeded(clock.instant());
                }
                fulfillments.update(shipment);
            }
            refunds.update(refund);
            transactions.update(payment);
            notices.publish(channel.merchant(), payment, events);
            String psp = result.newNpId() != null ? result.newNpId() : started.npId();
            JsonObject answer = refundReply(result.failure() == null, psp, amount,
                result.failure() == null ? "Refund of " + amount + " done with NP Atobarai" : result.failure());
            if (result.failure() == null) {
                replies.complete(scope, cut(key, 255), answer.toString(), clock.instant());
            } else {
                // staff asking for the same refund again is a retry: it goes on after the step that failed
                replies.release(scope, cut(key, 255));
            }
            return answer;
        });
        return SaleorReply.ok(json);
    }

    private void releaseAlone(String scope, String key) {
        units.inNewTransaction(() -> {
            replies.release(scope, cut(key, 255));
            return null;
        });
    }

    /**
     * @param resumeAfter the step at which the previous attempt of this refund failed, when NP
     *                    was already changed by it (see {@link RefundStep#leftNpChanged()}); else null
     */
    record RefundStart(RefundId refundId, String npId, RefundPlan plan, Fulfillment shipment, String failure,
                       RefundStep resumeAfter) {
        RefundStart(RefundId refundId, String npId, RefundPlan plan, Fulfillment shipment, String failure) {
            this(refundId, npId, plan, shipment, failure, null);
        }
    }

    record StepResult(String npId, String newNpId, boolean reshipped, String failure) { }

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

    private RefundStart startRefund(String merchantId, TransactionId hubId, String pspReference, Money amount,
                                    Money chargedAmount, String grantedId, GrantedLines granted,
                                    SaleorSourceObject order, NpChannel channel) {
        Optional<PaymentTransaction> found = transactions.byId(merchantId, hubId);
        if (found.isEmpty()) {
            return new RefundStart(null, pspReference, null, null,
                RefundStep.MISSING_DATA.failure("the hub knows no NP Atobarai payment for this transaction"));
        }
        PaymentTransaction payment = found.get();
        String npId = payment.providerReference().orElse(pspReference);
        if (npId == null) {
            return new RefundStart(null, null, null, null, RefundStep.MISSING_DATA.failure("the payment has no NP transaction id"));
        }
        Money charged = chargedAmount != null && chargedAmount.isPositive() ? chargedAmount : payment.charged();
        // a retry goes on where the last attempt of the same refund failed, if that left NP changed
        RefundStep resumeAfter = refunds.ofTransaction(hubId).stream().reduce((first, second) -> second)
            .filter(last -> last.status() == dev.payhooks.domain.refund.RefundStatus.FAILED && last.amount().equals(amount))
            .flatMap(last -> last.message().flatMap(RefundStep::ofFailure))
            .filter(RefundStep::leftNpChanged).orElse(null);
        Fulfillment shipment = fulfillments.ofTransaction(hubId).stream()
            .filter(f -> f.status() == ShipmentReportStatus.REPORTED || resumeAfter != null)
            .reduce((first, second) -> second).orElse(null);
        Map<String, Integer> quantities = granted.quantities();
        List<RefundLine> lines = granted.lines();
        boolean shippingIncluded = granted.shippingIncluded();
        RefundPlan plan;
        try {
            OrderGoods goods = NpOrderTranslation.goods(order, channel.skuAsName());
            plan = RefundPlan.decide(goods, new RefundPlan.Request(amount.minorUnits(), charged.minorUnits(),
                grantedId != null, quantities, shippingIncluded, shipment != null));
        } catch (DomainException refused) {
            return new RefundStart(null, npId, null, null, RefundStep.MISSING_DATA.failure(refused.getMessage()));
        }
        RefundStage stage = shipment != null ? RefundStage.AFTER_SHIPMENT : RefundStage.BEFORE_SHIPMENT;
        RefundId refundId = RefundId.of(ids.newId());
        Refund refund = grantedId != null
            ? Refund.requestGranted(refundId, hubId, grantedId, amount, lines, shippingIncluded, stage, clock.instant())
            : Refund.requestManual(refundId, hubId, amount, stage, clock.instant());
        List<TransactionEvent> events = payment.refundRequested(ProviderReport.of(amount, clock.instant())
            .withProviderReference(npId).withMessage("Refund " + plan.kind() + " with NP Atobarai"));
        refunds.add(refund);
        transactions.update(payment);
        notices.publish(channel.merchant(), payment, events);
        return new RefundStart(refundId, npId, plan, shipment, null, resumeAfter);
    }

    private StepResult execute(RefundStart start, NpChannel channel, String token, String orderDate,
                               SaleorSourceObject order) {
        RefundPlan plan = start.plan();
        String npId = start.npId();
        NpCredentials account = channel.credentials();
        switch (plan.kind()) {
            case CANCEL -> {
                NpOutcome cancelled = np.cancel(account, npId);
                return cancelled instanceof NpOutcome.Accepted ? new StepResult(npId, null, false, null)
                    : new StepResult(npId, null, false, RefundStep.CANCEL.failure(describe(cancelled)));
            }
            case UPDATE -> {
                NpTransaction item = NpOrderTranslation.transaction(token, orderDate, plan.billedAmount(), order,
                    channel.skuAsName()).withBilling(plan.billedAmount(), plan.goods());
                NpOutcome updated = np.update(account, npId, item);
                return approved(updated) ? new StepResult(npId, null, false, null)
                    : new StepResult(npId, null, false, RefundStep.UPDATE.failure(describe(updated)));
            }
            case CANCEL_AND_REREGISTER -> {
                RefundStep resume = start.resumeAfter();
                Fulfillment shipment = start.shipment();
                String newId;
                if (resume == RefundStep.SHIPMENT) {
                    newId = npId;  // the last attempt registered it and the payment took its id
                    if (shipment.status() == ShipmentReportStatus.REPORTED) {
                        return new StepResult(npId, newId, true, null);  // the shipment reporter got there first
                    }
                } else {
                    if (resume != RefundStep.RE_REGISTER) {
                        NpOutcome cancelled = np.cancel(account, npId);
                        if (!(cancelled instanceof NpOutcome.Accepted)) {
                            return new StepResult(npId, null, false, RefundStep.CANCEL.failure(describe(cancelled)));
                        }
                    }
                    NpTransaction item = NpOrderTranslation.transaction(token, orderDate, plan.billedAmount(), order,
                        channel.skuAsName()).withBilling(plan.billedAmount(), plan.goods());
                    NpOutcome registered = np.register(account, item);
                    if (!approved(registered)) {
                        return new StepResult(npId, null, false, RefundStep.RE_REGISTER.failure("NP transaction " + npId
                            + " is cancelled but the remaining " + plan.billedAmount() + " JPY could not be registered ("
                            + describe(registered) + "); ask for the same refund again to retry the registration"));
                    }
                    newId = ((NpOutcome.Accepted) registered).npTransactionId();
                }
                NpOutcome shipped = np.reportShipment(account, newId, shipment.carrierCode().orElse(channel.defaultPdCode()),
                    shipment.trackingNumber().value());
                if (!(shipped instanceof NpOutcome.Accepted)) {
                    return new StepResult(npId, newId, false, RefundStep.SHIPMENT.failure("NP transaction " + npId
                        + " was replaced by " + newId + " but reporting tracking number " + shipment.trackingNumber().value()
                        + " failed (" + describe(shipped) + "); the shipment reporter retries it"));
                }
                return new StepResult(npId, newId, true, null);
            }
        }
        throw new IllegalStateException("unknown refund plan " + plan.kind());
    }

    private static boolean approved(NpOutcome outcome) {
        return outcome instanceof NpOutcome.Accepted accepted && accepted.creditCheck() != null
            && accepted.creditCheck().verdict() == CreditCheck.Verdict.APPROVED;
    }

    private static String describe(NpOutcome outcome) {
        if (outcome instanceof NpOutcome.Accepted accepted) {
            return accepted.creditCheck() == null ? "accepted" : accepted.creditCheck().message();
        }
        if (outcome instanceof NpOutcome.Refused refused) {
            return refused.message();
        }
        return ((NpOutcome.Unavailable) outcome).description();
    }

    private JsonObject refundReply(boolean success, String pspReference, Money amount, String message) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (pspReference != null) {
            json.add("pspReference", pspReference);
        }
        return json.add("result", success ? "REFUND_SUCCESS" : "REFUND_FAILURE")
            .add("amount", new BigDecimal(amount.toMajorString()))
            .add("time", clock.instant().toString())
            .add("message", cut(message, 512))
            .add("actions", success ? JSON.createArrayBuilder() : JSON.createArrayBuilder().add("REFUND"))
            .build();
    }

    // ---- fulfillment_tracking_number_updated (async) --------------------------------------

    private SaleorReply trackingNumberUpdated(SaleorWebhook webhook) {
        JsonObject body = webhook.body();
        JsonObject fulfillment = requiredObject(body, "fulfillment");
        JsonObject order = requiredObject(body, "order");
        String orderId = requiredString(order, "id");
        JsonObject channelJson = object(order, "channel");
        String slug = channelJson == null ? null : string(channelJson, "slug");
        Optional<NpChannel> found = configured(webhook, slug);
        if (found.isEmpty()) {
            return SaleorReply.problem(400, "NOT_CONFIGURED", NOT_CONFIGURED);
        }
        NpChannel channel = found.get();
        SaleorInstallation installation = webhook.installation();
        String trackingText = blankToNull(string(fulfillment, "trackingNumber"));
        JsonObject ack = JSON.createObjectBuilder().add("success", true).build();

        List<String> completed = new ArrayList<>();
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
                    completed.add(requiredString(transaction, "id"));
                }
            }
        }
        if (!anyOfThisApp) {
            return SaleorReply.ok(ack);
        }
        String shown = trackingText == null ? "(none)" : trackingText;
        if (trackingText == null) {
            note(installation, orderId, "Failed to report fulfillment for tracking number " + shown
                + ": the fulfillment has no tracking number");
            return SaleorReply.ok(ack);
        }
        if (completed.isEmpty()) {
            note(installation, orderId, "Failed to report fulfillment for tracking number " + shown
                + ": the order has no completed NP Atobarai transaction");
            return SaleorReply.ok(ack);
        }
        if (completed.size() > 1) {
            note(installation, orderId, "Reporting fulfillment for tracking number " + shown
                + " skipped: the order has " + completed.size() + " completed NP Atobarai transactions");
            return SaleorReply.ok(ack);
        }
        String pdCode = pdCompanyCode(fulfillment).orElse(channel.defaultPdCode());
        if (pdCode == null || !pdCode.matches("\\d{5}")) {
            note(installation, orderId, "Failed to report fulfillment for tracking number " + shown
                + ": PD company code " + (pdCode == null ? "(none)" : pdCode) + " is not an NP Atobarai carrier code");
            return SaleorReply.ok(ack);
        }
        TransactionId hubId = hubTransactionId(installation.apiUrl(), completed.get(0));
        FulfillmentId fulfillmentId = FulfillmentId.of(requiredString(fulfillment, "id"));
        TrackingNumber tracking;
        try {
            tracking = TrackingNumber.of(trackingText);
        } catch (DomainException invalid) {
            note(installation, orderId, "Failed to report fulfillment for tracking number " + shown + ": "
                + invalid.getMessage());
            return SaleorReply.ok(ack);
        }
        String merchantId = channel.merchant().id();
        String pd = pdCode;
        units.inNewTransaction(() -> {
            if (transactions.byId(merchantId, hubId).isEmpty()) {
                notes.add(OrderNote.toSend(ids.newId(), installation.apiUrl(), provider(), orderId,
                    "Failed to report fulfillment for tracking number " + shown
                        + ": the hub knows no NP Atobarai payment for the order's transaction", clock.instant()));
                return null;
            }
            Optional<Fulfillment> existing = fulfillments.byId(hubId, fulfillmentId);
            if (existing.isPresent()) {
                if (existing.get().trackingNumberChanged(tracking, pd, clock.instant())) {
                    fulfillments.update(existing.get());
                }
            } else {
                fulfillments.add(Fulfillment.record(fulfillmentId, hubId, tracking, pd, clock.instant()));
            }
            origins.record(new FulfillmentOrigin(hubId, fulfillmentId, merchantId, installation.apiUrl(), provider(),
                orderId));
            return null;
        });
        return SaleorReply.ok(ack);
    }

    private void note(SaleorInstallation installation, String orderId, String message) {
        units.inNewTransaction(() -> {
            notes.add(OrderNote.toSend(ids.newId(), installation.apiUrl(), provider(), orderId, message, clock.instant()));
            return null;
        });
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

    private Optional<NpChannel> configured(SaleorWebhook webhook, String slug) {
        return units.inNewTransaction(() -> channels.find(webhook.installation().merchantId(), slug));
    }

    static String scope(SaleorInstallation installation) {
        return installation.provider().slug() + " " + installation.apiUrl();
    }

    private static String token(JsonObject transaction) {
        String token = string(transaction, "token");
        return token == null ? requiredString(transaction, "id") : token;
    }

    private static String dateOf(JsonObject transaction, JsonObject body) {
        String created = string(transaction, "createdAt");
        return created != null ? created : string(body, "issuedAt");
    }

    private static JsonObject parse(String stored) {
        try (JsonReader reader = JSON.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
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
