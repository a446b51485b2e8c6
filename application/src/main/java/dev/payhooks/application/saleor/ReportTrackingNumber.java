package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.TrackingNumber;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;

import java.time.Clock;
import java.util.Optional;

/**
 * A fulfillment's tracking number for an NP Atobarai payment: recorded for the shipment
 * reporter, which reports it to NP (NP bills the buyer once the goods are shipped). What cannot
 * be reported (no tracking number, no or several completed payments, no valid carrier code) is
 * told to staff as a note on the Saleor order.
 */
public record ReportTrackingNumber(NpAtobaraiCalls np, PaymentTransactions transactions, Fulfillments fulfillments,
                                   FulfillmentOrigins origins, OrderNotes notes, IdGenerator ids, UnitOfWork units,
                                   Clock clock) {

    /** What became of the webhook. */
    public enum Result { NOT_CONFIGURED, ACCEPTED }

    public Result handle(TrackingNumberCommand command) {
        return ConfiguredChannel.handle(command, np::configuredChannel, channel -> handle(command, channel),
            () -> Result.NOT_CONFIGURED);
    }

    private Result handle(TrackingNumberCommand command, NpAtobaraiChannel channel) {
        String merchantId = command.caller().merchantId();
        if (!command.anyOfThisApp()) {
            return Result.ACCEPTED;  // another app's payment: not ours to report
        }
        String shown = command.trackingNumber().orElse("(none)");
        String failed = "Failed to report fulfillment for tracking number " + shown + ": ";
        if (command.trackingNumber().isEmpty()) {
            return noted(command, failed + "the fulfillment has no tracking number");
        }
        if (command.completedTransactions().isEmpty()) {
            return noted(command, failed + "the order has no completed NP Atobarai transaction");
        }
        if (command.completedTransactions().size() > 1) {
            return noted(command, "Reporting fulfillment for tracking number " + shown + " skipped: the order has "
                + command.completedTransactions().size() + " completed NP Atobarai transactions");
        }
        Optional<String> carrier = command.carrierCode().or(channel::defaultCarrierCode);
        if (carrier.isEmpty() || !carrier.get().matches("\\d{5}")) {
            return noted(command, failed + "PD company code " + carrier.orElse("(none)")
                + " is not an NP Atobarai carrier code");
        }
        TrackingNumber tracking;
        try {
            tracking = TrackingNumber.of(command.trackingNumber().get());
        } catch (DomainException invalid) {
            return noted(command, failed + invalid.getMessage());
        }
        TransactionId hubId = command.completedTransactions().get(0);
        String carrierCode = carrier.get();
        units.runInNewTransaction(() -> {
            if (transactions.byId(merchantId, hubId).isEmpty()) {
                note(command, failed + "the hub knows no NP Atobarai payment for the order's transaction");
                return;
            }
            Optional<Fulfillment> existing = fulfillments.byId(hubId, command.fulfillment());
            if (existing.isPresent()) {
                if (existing.get().trackingNumberChanged(tracking, carrierCode, clock.instant())) {
                    fulfillments.update(existing.get());
                }
            } else {
                fulfillments.add(Fulfillment.record(command.fulfillment(), hubId, tracking, carrierCode, clock.instant()));
            }
            origins.record(new FulfillmentOrigin(hubId, command.fulfillment(), merchantId, command.caller().apiUrl(),
                command.caller().provider(), command.orderId()));
        });
        return Result.ACCEPTED;
    }

    private Result noted(TrackingNumberCommand command, String message) {
        units.runInNewTransaction(() -> note(command, message));
        return Result.ACCEPTED;
    }

    private void note(TrackingNumberCommand command, String message) {
        notes.add(OrderNote.toSend(ids.newId(), command.caller().apiUrl(), command.caller().provider(),
            command.orderId(), message, clock.instant()));
    }
}
