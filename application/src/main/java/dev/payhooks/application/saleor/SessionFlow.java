package dev.payhooks.application.saleor;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.payment.RecordProviderOutcome.Changes;
import dev.payhooks.application.payment.RecordProviderOutcome.Known;
import dev.payhooks.application.payment.RecordProviderOutcome.NewPayment;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderReport;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a payment session runs, started or processed: find the channel, claim the
 * delivery, call the provider outside any transaction, then record the outcome on the payment
 * and store the reply in one transaction. Processing goes on with a started payment, under its
 * provider reference (Saleor's, else the one the hub recorded).
 */
abstract sealed class SessionFlow extends ProviderFlow<SessionCommand, SessionAnswer>
    permits InitializeSession, ProcessSession {

    /** Longest provider message kept on the payment. */
    static final int MAX_REPORT_MESSAGE = 500;

    private final boolean process;
    private final RecordProviderOutcome outcomes;
    private final PaymentTransactions transactions;

    SessionFlow(boolean process, PaymentProvider provider, ReplyFormat<SessionAnswer> format,
                RepeatedDeliveries deliveries, RecordProviderOutcome outcomes, PaymentTransactions transactions,
                UnitOfWork units, Clock clock) {
        super(provider, format, deliveries, units, clock);
        this.process = process;
        this.outcomes = outcomes;
        this.transactions = transactions;
    }

    @Override
    Delivery handle(SessionCommand command, ProviderChannel channel) {
        String merchantId = command.caller().merchantId();
        boolean charge = channel.chargesAtOnce() && !command.authorizationOnly();
        Operation operation = charge ? Operation.CHARGE : Operation.AUTHORIZE;
        if (command.refusedBeforeCall().isPresent()) {
            return new Delivery.Replied(format.render(answer(operation, command, command.refusedBeforeCall().get(),
                Optional.empty())));
        }
        return deliveries.once(command.caller(), command.deliveryKey(), first -> {
            Optional<String> reference = command.pspReference();
            if (process && reference.isEmpty()) {
                reference = units.inNewTransaction(() -> transactions.byId(merchantId, command.transaction())
                    .flatMap(PaymentTransaction::providerReference));
            }
            PaymentProvider.SessionCall call = new PaymentProvider.SessionCall(command.saleorTransactionId(),
                command.amount(), charge, reference, command.data(), command.deadline());
            ProviderAnswer answer = process ? provider.process(channel, call) : provider.initialize(channel, call);
            if (!answer.settled()) {
                first.releaseAlone();  // not the provider's word: a repeat asks again
                return format.render(answer(operation, command, answer, Optional.empty()));
            }
            return units.inNewTransaction(() -> {
                Optional<String> refused = record(command, channel, operation, answer);
                String reply = format.render(answer(operation, command, answer, refused));
                first.complete(reply);  // the reply is stored exactly when the outcome is
                return reply;
            });
        });
    }

    /** Records the answer on the payment; the payment's refusal, if it cannot take it. */
    private Optional<String> record(SessionCommand command, ProviderChannel channel, Operation operation,
                                    ProviderAnswer answer) {
        AtomicReference<String> refusal = new AtomicReference<>();
        RecordProviderOutcome.Outcome outcome = payment -> Changes.of(transaction -> {
            try {
                ProviderReport report = ProviderReport.of(command.amount(), clock.instant())
                    .withMessage(cut(answer.message(), MAX_REPORT_MESSAGE));
                if (answer.reference().isPresent()) {
                    report = report.withProviderReference(answer.reference().get());
                    if (answer.eventKey().isPresent()) {
                        report = report.withEventKey(answer.eventKey().get());
                    }
                }
                return transaction.apply(operation, answer.result(), report);
            } catch (DomainException refused) {
                refusal.set(refused.getMessage());
                throw refused;
            }
        });
        RecordProviderOutcome.Result result = outcomes.record(new RecordProviderOutcome.Command(channel.merchant(),
            command.caller().provider(), new Known(command.transaction(), Optional.of(new NewPayment(
                command.channelSlug().orElseThrow(), command.saleorTransactionId(), command.amount().currency()))),
            outcome, operation + " " + answer.result() + " for " + command.saleorTransactionId()));
        if (result instanceof RecordProviderOutcome.NoEffect noEffect && noEffect.refused()) {
            return Optional.of(refusal.get() != null ? refusal.get() : noEffect.reason());
        }
        return Optional.empty();
    }

    private SessionAnswer answer(Operation operation, SessionCommand command, ProviderAnswer answer,
                                 Optional<String> refused) {
        List<Operation> actions = refused.isPresent() || answer.result() != OperationResult.SUCCESS ? List.of()
            : operation == Operation.AUTHORIZE ? List.of(Operation.CHARGE, Operation.CANCEL) : List.of(Operation.REFUND);
        return new SessionAnswer(operation, answer.result(), answer.reference(), command.amount(), answer.message(),
            actions, answer.data(), refused, clock.instant());
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
