package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one way a charge, cancel or refund request runs for a provider that confirms such
 * operations later (by notification): claim the delivery, call the provider outside any
 * transaction, store the pending reply. The payment changes when the confirmation arrives,
 * not here. A failure is not stored: the merchant asking again is a new attempt.
 */
final class ActionFlow {

    private final PaymentProvider provider;
    private final ReplyFormat<ActionAnswer> format;
    private final RepeatedDeliveries deliveries;
    private final UnitOfWork units;
    private final Clock clock;

    ActionFlow(PaymentProvider provider, ReplyFormat<ActionAnswer> format, RepeatedDeliveries deliveries,
               UnitOfWork units, Clock clock) {
        this.provider = provider;
        this.format = format;
        this.deliveries = deliveries;
        this.units = units;
        this.clock = clock;
    }

    Delivery run(ActionCommand command, Operation operation,
                 BiFunction<ProviderChannel, PaymentProvider.ActionCall, ProviderAnswer> call) {
        String merchantId = command.caller().merchantId();
        Optional<ProviderChannel> found = command.channelSlug().isEmpty() ? Optional.empty()
            : units.inNewTransaction(() -> provider.channel(merchantId, command.channelSlug().get()));
        if (found.isEmpty()) {
            return new Delivery.NotConfigured();
        }
        if (command.pspReference().isEmpty()) {
            return new Delivery.Replied(format.render(new ActionAnswer(operation, OperationResult.FAILURE,
                Optional.empty(), command.amount(), "", true, clock.instant())));
        }
        String psp = command.pspReference().get();
        RepeatedDeliveries.Start start = deliveries.claim(SaleorScope.of(command.caller()), command.deliveryKey());
        if (start instanceof RepeatedDeliveries.Repeat repeat) {
            return new Delivery.Replied(repeat.reply());
        }
        if (start instanceof RepeatedDeliveries.Busy) {
            return new Delivery.Busy();
        }
        RepeatedDeliveries.First first = (RepeatedDeliveries.First) start;
        try {
            ProviderAnswer answer = call.apply(found.get(),
                new PaymentProvider.ActionCall(command.saleorTransactionId(), command.amount(), psp, command.data()));
            if (answer.settled() && answer.result() != OperationResult.FAILURE) {
                String reply = format.render(new ActionAnswer(operation, OperationResult.REQUEST,
                    Optional.of(answer.reference().orElse(psp)), command.amount(), answer.message(), false,
                    clock.instant()));
                first.completeAlone(reply);
                return new Delivery.Replied(reply);
            }
            first.releaseAlone();
            return new Delivery.Replied(format.render(new ActionAnswer(operation, OperationResult.FAILURE,
                Optional.of(psp), command.amount(), answer.message(), false, clock.instant())));
        } catch (RuntimeException unexpected) {
            first.releaseAlone();
            throw unexpected;
        }
    }
}
