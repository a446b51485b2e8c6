package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.OperationResult;

import java.util.Optional;

/**
 * What one provider call came to, the same for every provider and operation.
 *
 * @param result    how the operation ended (or that it goes on: REQUEST, ACTION_REQUIRED)
 * @param settled   whether the answer is the provider's word on the operation; an unsettled
 *                  one (a timeout, an error answer the provider may not repeat) is not kept,
 *                  so asking again asks the provider again
 * @param reference the provider's reference for the payment or the operation, if any
 * @param message   what the provider said, for people
 * @param eventKey  the provider fact the answer is, when the provider can report it again
 *                  (a notification for the same result is then recognised)
 * @param data      the adapter's own part of the answer, for the reply it renders
 */
public record ProviderAnswer(OperationResult result, boolean settled, Optional<String> reference, String message,
                             Optional<String> eventKey, ProviderData data) {

    public ProviderAnswer {
        Required.nonNull("result, reference, message, eventKey, data", result, reference, message, eventKey, data);
        if (!settled && result != OperationResult.FAILURE) {
            throw new IllegalArgumentException("only a failure can be unsettled");
        }
    }

    /** A failure that is not the provider's word: nothing is recorded and a repeat asks again. */
    public static ProviderAnswer unsettled(Optional<String> reference, String message, ProviderData data) {
        return new ProviderAnswer(OperationResult.FAILURE, false, reference, message, Optional.empty(), data);
    }
}
