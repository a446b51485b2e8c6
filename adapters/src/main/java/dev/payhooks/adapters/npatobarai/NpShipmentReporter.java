package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels.NpChannel;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.outbound.FulfillmentNotices;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.saleor.FulfillmentOrigin;
import dev.payhooks.domain.saleor.FulfillmentOrigins;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reports recorded shipments to NP Atobarai after the tracking-number webhook was answered:
 * one NP call per due fulfillment, outside any database transaction; the outcome, its
 * outbound event ({@code fulfillment.reported} / {@code fulfillment.report_failed}) and the
 * Saleor order note are stored together. A failing report is tried again on later runs, at
 * most {@link #MAX_ATTEMPTS} times; staff see the last failure on the fulfillment.
 */
public record NpShipmentReporter(FulfillmentOrigins origins, Fulfillments fulfillments,
                                 PaymentTransactions transactions, NpAtobaraiChannels channels, NpAtobaraiClient np,
                                 OrderNotes notes, FulfillmentNotices notices, IdGenerator ids, UnitOfWork units,
                                 Clock clock) {

    public static final int MAX_ATTEMPTS = 5;
    static final int BATCH = 20;

    /** Reports what is due; returns how many reports were attempted. */
    public int reportDue() {
        List<FulfillmentOrigin> due = units.inNewTransaction(() -> origins.dueForReport(MAX_ATTEMPTS, BATCH));
        int attempted = 0;
        for (FulfillmentOrigin origin : due) {
            if (report(origin)) {
                attempted++;
            }
        }
        return attempted;
    }

    private record Work(Fulfillment fulfillment, PaymentTransaction payment, NpChannel channel) { }

    private boolean report(FulfillmentOrigin origin) {
        Optional<Work> work = units.inNewTransaction(() -> {
            Optional<Fulfillment> fulfillment = fulfillments.byId(origin.transactionId(), origin.fulfillmentId());
            Optional<PaymentTransaction> payment = transactions.byId(origin.merchantId(), origin.transactionId());
            if (fulfillment.isEmpty() || payment.isEmpty()) {
                return Optional.<Work>empty();
            }
            return channels.find(origin.merchantId(), payment.get().channelSlug())
                .map(channel -> new Work(fulfillment.get(), payment.get(), channel));
        });
        if (work.isEmpty()) {
            return false;
        }
        Fulfillment fulfillment = work.get().fulfillment();
        String tracking = fulfillment.trackingNumber().value();
        Optional<String> npId = work.get().payment().providerReference();
        NpOutcome outcome = npId.isEmpty()
            ? new NpOutcome.Refused(0, List.of(), "the payment has no NP transaction id")
            : np.reportShipment(work.get().channel().credentials(), npId.get(),
                fulfillment.carrierCode().orElse(work.get().channel().defaultPdCode()), tracking);
        units.inNewTransaction(() -> {
            Fulfillment current = fulfillments.byId(origin.transactionId(), origin.fulfillmentId()).orElseThrow();
            if (current.status() == ShipmentReportStatus.REPORTED || !current.trackingNumber().value().equals(tracking)) {
                return null;  // changed meanwhile: the next run reports the new state
            }
            String note;
            if (outcome instanceof NpOutcome.Accepted) {
                current.reportSucceeded(clock.instant());
                note = "Successfully reported fulfillment for tracking number " + tracking;
            } else {
                String why = outcome instanceof NpOutcome.Refused refused ? refused.message()
                    : ((NpOutcome.Unavailable) outcome).description();
                current.reportFailed(why, clock.instant());
                // one note when it first fails, not one per retry
                note = current.reportAttempts() == 1 ? "Failed to report fulfillment for tracking number " + tracking + ": " + why : null;
            }
            fulfillments.update(current);
            notices.publish(work.get().channel().merchant(), work.get().payment(), current);
            if (note != null) {
                notes.add(OrderNote.toSend(ids.newId(), origin.apiUrl(), origin.provider(), origin.orderId(), note,
                    clock.instant()));
            }
            return null;
        });
        return true;
    }
}
