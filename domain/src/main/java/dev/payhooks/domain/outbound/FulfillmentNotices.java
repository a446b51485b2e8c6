package dev.payhooks.domain.outbound;

import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.PaymentTransaction;

import java.time.Clock;

/**
 * The merchant's outbound event for a shipment report ({@code fulfillment.reported} /
 * {@code fulfillment.report_failed}), written in the caller's transaction like
 * {@link TransactionNotices}.
 */
public class FulfillmentNotices {

    private final Notices notices;

    public FulfillmentNotices(EventQueue queue, EventIdGenerator ids, Clock clock) {
        this.notices = new Notices(queue, ids, clock);
    }

    /** One event for the fulfillment's last report attempt (REPORTED or FAILED). */
    public OutboundEvent publish(Merchant merchant, PaymentTransaction transaction, Fulfillment fulfillment) {
        String type = switch (fulfillment.status()) {
            case REPORTED -> "fulfillment.reported";
            case FAILED -> "fulfillment.report_failed";
            case PENDING -> throw new IllegalArgumentException("fulfillment " + fulfillment.id() + " has no report outcome yet");
        };
        JsonText object = JsonText.object()
            .string("type", "fulfillment")
            .string("key", fulfillment.id().value())
            .string("transaction", transaction.id().value())
            .string("provider", transaction.provider().slug())
            .string("channel", transaction.channelSlug())
            .string("merchant_reference", transaction.merchantReference())
            .string("provider_reference", transaction.providerReference().orElse(null))
            .string("tracking_number", fulfillment.trackingNumber().value())
            .string("carrier_code", fulfillment.carrierCode().orElse(null))
            .string("status", fulfillment.status().name())
            .string("message", fulfillment.message().orElse(null))
            .number("report_attempts", fulfillment.reportAttempts());
        return notices.publish(merchant, type, object,
            "fulfillment:" + transaction.id().value() + ":" + fulfillment.id().value() + ":"
                + fulfillment.reportAttempts() + ":" + (fulfillment.status() == ShipmentReportStatus.REPORTED ? "ok" : "failed"));
    }
}
