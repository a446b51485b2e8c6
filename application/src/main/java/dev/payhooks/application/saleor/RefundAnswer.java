package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * What a refund done at once came to, for the reply.
 *
 * @param reference the NP transaction id the payment has now
 */
public record RefundAnswer(boolean success, Optional<String> reference, Money amount, String message, Instant time) {

    public RefundAnswer {
        Required.nonNull("reference, amount, message, time", reference, amount, message, time);
    }
}
