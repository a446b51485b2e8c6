package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a payment session came to, for the reply.
 *
 * @param operation        AUTHORIZE or CHARGE
 * @param actions          what the merchant may do next with the payment
 * @param refusedByPayment set when the provider answered {@code result} but the payment cannot
 *                         take it (processed again after a refund): the reply is a failure saying so
 */
public record SessionAnswer(Operation operation, OperationResult result, Optional<String> reference, Money amount,
                            String message, List<Operation> actions, ProviderData data,
                            Optional<String> refusedByPayment, Instant time) {

    public SessionAnswer {
        Required.nonNull("operation, result, reference, amount, message",
            operation, result, reference, amount, message);
        actions = List.copyOf(actions);
        Required.nonNull("data, refusedByPayment, time", data, refusedByPayment, time);
    }

}
