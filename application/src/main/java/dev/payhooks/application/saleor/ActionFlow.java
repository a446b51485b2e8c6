package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;

import java.time.Clock;
import java.util.Optional;

/**
 * The one way a charge, cancel or refund request runs for a provider that confirms such
 * operations later (by notification): claim the delivery, call the provider outside any
 * transaction, store the pending reply. The payment changes when the confirmation arrives,
 * not here. A failure is not stored: the merchant asking again is a new attempt. Each handler
 * names its operation and the provider call that requests it.
 */
abstract sealed class ActionFlow extends ProviderFlow<ActionCommand, ActionAnswer>
    permits ChargeTransaction, CancelTransaction, RefundTransaction {

    /** The provider call that requests the operation. */
    interface Call {
        ProviderAnswer request(PaymentProvider provider, ProviderChannel channel, PaymentProvider.ActionCall call);
    }

    private final Operation operation;
    private final Call call;

    ActionFlow(Operation operation, Call call, PaymentProvider provider, ReplyFormat<ActionAnswer> format,
               RepeatedDeliveries deliveries, UnitOfWork units, Clock clock) {
        super(provider, format, deliveries, units, clock);
        this.operation = operation;
        this.call = call;
    }

    @Override
    Delivery handle(ActionCommand command, ProviderChannel channel) {
        if (command.pspReference().isEmpty()) {
            return new Delivery.Replied(format.render(new ActionAnswer(operation, OperationResult.FAILURE,
                Optional.empty(), command.amount(), "", true, clock.instant())));
        }
        String psp = command.pspReference().get();
        return deliveries.once(command.caller(), command.deliveryKey(), first -> {
            ProviderAnswer answer = call.request(provider, channel,
                new PaymentProvider.ActionCall(command.saleorTransactionId(), command.amount(), psp, command.data(),
                    command.deadline()));
            if (answer.settled() && answer.result() != OperationResult.FAILURE) {
                String reply = format.render(new ActionAnswer(operation, OperationResult.REQUEST,
                    Optional.of(answer.reference().orElse(psp)), command.amount(), answer.message(), false,
                    clock.instant()));
                first.completeAlone(reply);
                return reply;
            }
            first.releaseAlone();
            return format.render(new ActionAnswer(operation, OperationResult.FAILURE,
                Optional.of(psp), command.amount(), answer.message(), false, clock.instant()));
        });
    }
}
