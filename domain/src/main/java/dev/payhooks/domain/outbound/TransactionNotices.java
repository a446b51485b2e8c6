package dev.payhooks.domain.outbound;

import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.TransactionEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.payhooks.domain.payment.OperationResult.SUCCESS;

/**
 * Turns what happened to a payment into the merchant's outbound events (docs/EVENTS.md, "Provider
 * outcome → event type"), in the caller's transaction: an adapter that applied a provider
 * outcome to a {@link PaymentTransaction} passes the events the aggregate returned, and the
 * events and their deliveries commit with the state change or not at all.
 *
 * <p>The default type follows from the operation and result alone; an outcome the operation
 * cannot express (Walley's "retrying" vs. "failed", both a refused authorization) names its
 * type with {@link #publishAs}.
 */
public class TransactionNotices {

    private final Notices notices;

    public TransactionNotices(EventQueue queue, EventIdGenerator ids, Clock clock) {
        this.notices = new Notices(queue, ids, clock);
    }

    /** One outbound event per transaction event that has a default type; returns them. */
    public List<OutboundEvent> publish(Merchant merchant, PaymentTransaction transaction, List<TransactionEvent> events) {
        List<OutboundEvent> published = new ArrayList<>();
        for (TransactionEvent event : events) {
            defaultType(transaction, event)
                .ifPresent(type -> published.add(publishAs(merchant, type, transaction, event)));
        }
        return published;
    }

    /** One outbound event of the given catalog type for one transaction event. */
    public OutboundEvent publishAs(Merchant merchant, String eventType, PaymentTransaction transaction,
                                   TransactionEvent event) {
        if (!EventCatalog.isKnown(eventType)) {
            throw new IllegalArgumentException("'" + eventType + "' is not in the event catalog");
        }
        return notices.publish(merchant, eventType, objectOf(transaction, event),
            "transaction:" + transaction.id().value() + ":" + event.sequence());
    }

    /**
     * The catalog type of an outcome, or empty when it is not worth a webhook (a capture, void
     * or chargeback the merchant itself asked for and that is still pending; a dispute opened).
     * "After payment" means the transaction had an authorization when a charge arrived: that
     * charge is a capture, otherwise it is a sale.
     */
    public static Optional<String> defaultType(PaymentTransaction transaction, TransactionEvent event) {
        Operation operation = Objects.requireNonNull(event.operation());
        boolean capture = transaction.authorized().isPositive();
        String type = switch (operation) {
            case AUTHORIZE -> switch (event.result()) {
                case REQUEST -> "transaction.pending";
                case ACTION_REQUIRED -> "transaction.action_required";
                case SUCCESS -> "transaction.authorization.success";
                case FAILURE -> "transaction.authorization.failure";
            };
            case CHARGE -> switch (event.result()) {
                case REQUEST -> capture ? null : "transaction.pending";
                case ACTION_REQUIRED -> "transaction.action_required";
                case SUCCESS -> capture ? "transaction.sale.captured" : "transaction.sale.success";
                case FAILURE -> capture ? "transaction.capture.failure" : "transaction.sale.failure";
            };
            case CANCEL -> switch (event.result()) {
                case SUCCESS -> "transaction.sale.voided";
                case FAILURE -> "transaction.void.failure";
                default -> null;
            };
            case REFUND -> switch (event.result()) {
                case REQUEST -> "transaction.refund.pending";
                case SUCCESS -> "transaction.refund.success";
                case FAILURE -> "transaction.refund.failure";
                case ACTION_REQUIRED -> null;
            };
            case REFUND_REVERSAL -> "transaction.refund.reversed";
            case CHARGEBACK -> event.result() == SUCCESS ? "transaction.chargeback" : null;
        };
        return Optional.ofNullable(type);
    }

    /**
     * The transaction object of every delivery ({@code type}, {@code key}, {@code amount_detail.amount} in
     * major units as a string) with what a receiver needs to act without calling back, and what the
     * provider told about the payment when it did: {@code payment_method}, {@code line_items} and
     * {@code contact} (docs/WEBHOOKS.md, "The transaction object").
     */
    public static JsonText objectOf(PaymentTransaction transaction, TransactionEvent event) {
        return JsonText.object()
            .string("type", "transaction")
            .string("key", transaction.id().value())
            .string("provider", transaction.provider().slug())
            .string("channel", transaction.channelSlug())
            .string("merchant_reference", transaction.merchantReference())
            .string("provider_reference", event.providerReference() != null ? event.providerReference()
                : transaction.providerReference().orElse(null))
            .string("operation", event.operation().name())
            .string("result", event.result().name())
            .string("status", event.statusAfter().name())
            .object("amount_detail", JsonText.object()
                .string("amount", event.amount().toMajorString())
                .string("currency", event.amount().currency().code()))
            .string("message", event.message())
            .object("reason", event.reason() == null ? null : JsonText.object()
                .string("code", event.reason().code())
                .string("description", event.reason().description()))
            .number("event_sequence", event.sequence())
            .string("occurred_at", event.at().toString())
            .object("payment_method", transaction.details().method().map(TransactionNotices::methodOf).orElse(null))
            .array("line_items", transaction.details().lineItems().stream()
                .map(item -> lineItemOf(item, transaction)).toList())
            .object("contact", transaction.details().contact().map(TransactionNotices::contactOf).orElse(null));
    }

    private static JsonText methodOf(PaymentDetails.PaymentMethod method) {
        return JsonText.object()
            .string("brand", method.brand())
            .string("masked_number", method.maskedNumber())
            .string("expiry", method.expiry())
            .string("wallet", method.wallet());
    }

    private static JsonText lineItemOf(PaymentDetails.LineItem item, PaymentTransaction transaction) {
        JsonText json = JsonText.object()
            .string("name", item.name())
            .string("sku", item.sku())
            .string("price", item.price() == null ? null : Money.of(item.price(), transaction.currency()).toMajorString());
        if (item.quantity() != null) {
            json.number("quantity", item.quantity());
        }
        return json.string("vat_rate", item.vatRate());
    }

    private static JsonText contactOf(PaymentDetails.Contact contact) {
        JsonText json = JsonText.object();
        contact.fields().forEach(json::string);
        return json;
    }
}
