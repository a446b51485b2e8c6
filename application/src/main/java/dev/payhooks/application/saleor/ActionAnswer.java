package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;

import java.time.Instant;
import java.util.Optional;

/**
 * What a charge, cancel or refund request came to, for the reply: REQUEST when the provider
 * took it (it confirms the result later), FAILURE when it did not.
 *
 * @param reference        the operation's provider reference (REQUEST), else the payment's
 * @param missingReference the payment has no provider reference, so the provider was not asked
 */
public record ActionAnswer(Operation operation, OperationResult result, Optional<String> reference, Money amount,
                           String message, boolean missingReference, Instant time) {

    public ActionAnswer {
        Required.nonNull("operation, result, reference, amount, message, time",
            operation, result, reference, amount, message, time);
    }
}
