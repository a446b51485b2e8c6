package dev.payhooks.application.saleor;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Known;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.fulfillment.ShipmentReportStatus;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.provider.npatobarai.RefundPlan;
import dev.payhooks.domain.provider.npatobarai.RefundStep;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundId;
import dev.payhooks.domain.refund.RefundStage;
import dev.payhooks.domain.refund.RefundStatus;
import dev.payhooks.domain.refund.Refunds;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Saleor's refund request for an NP Atobarai payment, done at once: {@link RefundPlan} decides
 * how NP is changed (cancel, bill anew, or cancel and register the rest again and report the
 * shipment for it), the refund is recorded as requested before NP is called, the NP calls run
 * outside any transaction, and the payment, the {@link Refund} and the shipment record the result
 * in one transaction with the reply. A failed refund is not stored: asking again retries it, going
 * on after the step that failed when that step left NP changed ({@link RefundStep#leftNpChanged()}).
 */
public record RefundNpAtobaraiTransaction(NpAtobaraiCalls np, ReplyFormat<RefundAnswer> format,
                                          RepeatedDeliveries deliveries, RecordProviderOutcome outcomes,
                                          PaymentTransactions transactions, Refunds refunds, Fulfillments fulfillments,
                                          IdGenerator ids, UnitOfWork units, Clock clock) {

    /**
     * @param resumeAfter the step at which the previous attempt of this refund failed, when NP
     *                    was already changed by it; else null
     */
    private record Start(RefundId refundId, String npId, RefundPlan plan, Fulfillment shipment, String failure,
                         RefundStep resumeAfter) {
        static Start failed(String npId, String failure) {
            return new Start(null, npId, null, null, failure, null);
        }
    }

    private record Steps(String newNpId, boolean reshipped, String failure) {
        static final Steps DONE = new Steps(null, false, null);
    }

    public Delivery handle(NpRefundCommand command) {
        return ConfiguredChannel.handle(command, np::configuredChannel, channel -> handle(command, channel),
            Delivery.NotConfigured::new);
    }

    private Delivery handle(NpRefundCommand command, NpAtobaraiChannel channel) {
        return deliveries.once(command.caller(), command.deliveryKey(), first -> {
            Start start;
            try {
                start = units.inNewTransaction(() -> start(command, channel));
            } catch (DomainException refused) {
                start = Start.failed(command.pspReference().orElse(null), "Refund refused: " + refused.getMessage());
            }
            if (start.failure() != null) {
                first.releaseAlone();  // nothing happened at NP: asking again is a new attempt
                return reply(false, start.npId(), command.amount(), start.failure());
            }
            Start started = start;
            Steps steps = execute(started, channel, command);
            return units.inNewTransaction(() -> finish(command, channel, started, steps, first));
        });
    }

    /** What to do, and the refund recorded as requested before NP is called. In the caller's transaction. */
    private Start start(NpRefundCommand command, NpAtobaraiChannel channel) {
        Optional<PaymentTransaction> found = transactions.byId(command.caller().merchantId(), command.transaction());
        String psp = command.pspReference().orElse(null);
        if (found.isEmpty()) {
            return Start.failed(psp, RefundStep.MISSING_DATA.failure("the hub knows no NP Atobarai payment for this transaction"));
        }
        PaymentTransaction payment = found.get();
        String npId = payment.providerReference().orElse(psp);
        if (npId == null) {
            return Start.failed(null, RefundStep.MISSING_DATA.failure("the payment has no NP transaction id"));
        }
        Money charged = command.charged().filter(Money::isPositive).orElse(payment.charged());
        Money amount = command.amount();
        // a retry goes on where the last attempt of the same refund failed, if that left NP changed
        RefundStep resumeAfter = refunds.ofTransaction(command.transaction()).stream().reduce((a, b) -> b)
            .filter(last -> last.status() == RefundStatus.FAILED && last.amount().equals(amount))
            .flatMap(last -> last.message().flatMap(RefundStep::ofFailure))
            .filter(RefundStep::leftNpChanged).orElse(null);
        Fulfillment shipment = fulfillments.ofTransaction(command.transaction()).stream()
            .filter(f -> f.status() == ShipmentReportStatus.REPORTED || resumeAfter != null)
            .reduce((a, b) -> b).orElse(null);
        if (command.goodsProblem().isPresent()) {
            return Start.failed(npId, RefundStep.MISSING_DATA.failure(command.goodsProblem().get()));
        }
        OrderGoods read = command.goods().orElseThrow();
        RefundPlan plan;
        try {
            OrderGoods goods = new OrderGoods(read.products(), read.voucherDiscount(), read.shipping(), channel.skuAsName());
            plan = RefundPlan.decide(goods, new RefundPlan.Request(amount.minorUnits(), charged.minorUnits(),
                command.grantedRefundId().isPresent(), command.refundedQuantities(), command.shippingIncluded(),
                shipment != null));
        } catch (DomainException refused) {
            return Start.failed(npId, RefundStep.MISSING_DATA.failure(refused.getMessage()));
        }
        RefundStage stage = shipment != null ? RefundStage.AFTER_SHIPMENT : RefundStage.BEFORE_SHIPMENT;
        RefundId refundId = RefundId.of(ids.newId());
        Refund refund = command.grantedRefundId().isPresent()
            ? Refund.requestGranted(refundId, command.transaction(), command.grantedRefundId().get(), amount,
                command.lines(), command.shippingIncluded(), stage, clock.instant())
            : Refund.requestManual(refundId, command.transaction(), amount, stage, clock.instant());
        Optional<String> refused = record(channel.merchant(), command, "refund request", transaction -> transaction.refundRequested(
            ProviderReport.of(amount, clock.instant()).withProviderReference(npId)
                .withMessage("Refund " + plan.kind() + " with NP Atobarai")));
        if (refused.isPresent()) {
            return Start.failed(psp, "Refund refused: " + refused.get());
        }
        refunds.add(refund);
        return new Start(refundId, npId, plan, shipment, null, resumeAfter);
    }

    /** The NP calls of the plan, outside any transaction. */
    private Steps execute(Start start, NpAtobaraiChannel channel, NpRefundCommand command) {
        RefundPlan plan = start.plan();
        String npId = start.npId();
        switch (plan.kind()) {
            case CANCEL -> {
                NpAtobaraiCalls.Call cancelled = np.cancel(channel, npId, command.deadline());
                return cancelled.accepted() ? Steps.DONE
                    : new Steps(null, false, RefundStep.CANCEL.failure(cancelled.description()));
            }
            case UPDATE -> {
                NpAtobaraiCalls.Call updated = np.update(channel, npId, plan.billedAmount(), plan.goods(), command.order(),
                    command.deadline());
                return updated.accepted() ? Steps.DONE
                    : new Steps(null, false, RefundStep.UPDATE.failure(updated.description()));
            }
            case CANCEL_AND_REREGISTER -> {
                return reregister(start, channel, command);
            }
        }
        throw new IllegalStateException("unknown refund plan " + plan.kind());
    }

    private Steps reregister(Start start, NpAtobaraiChannel channel, NpRefundCommand command) {
        RefundPlan plan = start.plan();
        String npId = start.npId();
        RefundStep resume = start.resumeAfter();
        Fulfillment shipment = start.shipment();
        String newId;
        if (resume == RefundStep.SHIPMENT) {
            newId = npId;  // the last attempt registered it and the payment took its id
            if (shipment.status() == ShipmentReportStatus.REPORTED) {
                return new Steps(newId, true, null);  // the shipment reporter got there first
            }
        } else {
            if (resume != RefundStep.RE_REGISTER) {
                NpAtobaraiCalls.Call cancelled = np.cancel(channel, npId, command.deadline());
                if (!cancelled.accepted()) {
                    return new Steps(null, false, RefundStep.CANCEL.failure(cancelled.description()));
                }
            }
            NpAtobaraiCalls.Call registered = np.register(channel, plan.billedAmount(), plan.goods(), command.order(),
                command.deadline());
            if (!registered.accepted() || registered.npTransactionId().isEmpty()) {
                return new Steps(null, false, RefundStep.RE_REGISTER.failure("NP transaction " + npId
                    + " is cancelled but the remaining " + plan.billedAmount() + " JPY could not be registered ("
                    + registered.description() + "); ask for the same refund again to retry the registration"));
            }
            newId = registered.npTransactionId().get();
        }
        NpAtobaraiCalls.Call shipped = np.reportShipment(channel, newId,
            shipment.carrierCode().orElse(channel.defaultCarrierCode().orElse(null)), shipment.trackingNumber().value(),
            command.deadline());
        if (!shipped.accepted()) {
            return new Steps(newId, false, RefundStep.SHIPMENT.failure("NP transaction " + npId
                + " was replaced by " + newId + " but reporting tracking number " + shipment.trackingNumber().value()
                + " failed (" + shipped.description() + "); the shipment reporter retries it"));
        }
        return new Steps(newId, true, null);
    }

    /** The result on the payment, the refund and the shipment, with the reply. In the caller's transaction. */
    private String finish(NpRefundCommand command, NpAtobaraiChannel channel, Start start, Steps steps, RepeatedDeliveries.First first) {
        Money amount = command.amount();
        Refund refund = refunds.byId(start.refundId()).orElseThrow();
        ProviderReport reported = ProviderReport.of(amount, clock.instant()).withProviderReference(start.npId());
        ProviderReport report = steps.newNpId() != null ? reported.withNewPaymentReference(steps.newNpId()) : reported;
        String reference = steps.newNpId() != null ? steps.newNpId() : start.npId();
        Optional<String> refused;
        if (steps.failure() == null) {
            refund.succeeded(reference, clock.instant());
            refused = record(channel.merchant(), command, "refund result", transaction -> transaction.refundSucceeded(
                report.withMessage("Refunded with NP Atobarai: " + start.plan().kind())));
        } else {
            refund.failed(steps.failure(), clock.instant());
            refused = record(channel.merchant(), command, "refund result", transaction -> transaction.refundFailed(
                report.withMessage(steps.failure())));
        }
        if (refused.isPresent()) {
            throw new IllegalStateException("the payment cannot take the refund's result: " + refused.get());
        }
        if (steps.newNpId() != null && start.shipment() != null) {
            Fulfillment shipment = fulfillments.byId(command.transaction(), start.shipment().id()).orElseThrow();
            if (shipment.status() == ShipmentReportStatus.REPORTED && start.resumeAfter() != RefundStep.SHIPMENT) {
                shipment.reportNeededAgain(clock.instant());  // reported for the old NP transaction
            }
            if (steps.reshipped() && shipment.status() != ShipmentReportStatus.REPORTED) {
                shipment.reportSucceeded(clock.instant());
            }
            fulfillments.update(shipment);
        }
        refunds.update(refund);
        String reply = reply(steps.failure() == null, reference, amount,
            steps.failure() == null ? "Refund of " + amount + " done with NP Atobarai" : steps.failure());
        if (steps.failure() == null) {
            first.complete(reply);
        } else {
            first.release();  // staff asking for the same refund again is a retry: it goes on after the step that failed
        }
        return reply;
    }

    /** Applies one change to the payment through {@link RecordProviderOutcome}; the payment's refusal, if any. */
    private Optional<String> record(Merchant merchant, NpRefundCommand command, String description,
                                    Function<PaymentTransaction, List<TransactionEvent>> change) {
        AtomicReference<String> refusal = new AtomicReference<>();
        RecordProviderOutcome.Result result = outcomes.record(new RecordProviderOutcome.Command(
            merchant, command.caller().provider(), new Known(command.transaction(), Optional.empty()),
            payment -> Changes.of(transaction -> {
                try {
                    return change.apply(transaction);
                } catch (DomainException refused) {
                    refusal.set(refused.getMessage());
                    throw refused;
                }
            }), description));
        if (result instanceof RecordProviderOutcome.NoEffect noEffect && (noEffect.refused() || noEffect.transaction().isEmpty())) {
            return Optional.of(refusal.get() != null ? refusal.get() : noEffect.reason());
        }
        return Optional.empty();
    }

    private String reply(boolean success, String reference, Money amount, String message) {
        return format.render(new RefundAnswer(success, Optional.ofNullable(reference), amount, message, clock.instant()));
    }
}
