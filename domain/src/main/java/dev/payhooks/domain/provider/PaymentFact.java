package dev.payhooks.domain.provider;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;

/**
 * One provider outcome for a payment, translated: the (operation, result) the aggregate records,
 * the amount, the provider's reference, a message (reason) and the event key that identifies
 * the fact across resends. {@code eventType} names the outbound event when the default mapping
 * of (operation, result) cannot express it (Walley "retrying" vs "failed"); null otherwise.
 * {@code reason} is the provider's reason code with its description, when it gave one; null otherwise.
 */
public record PaymentFact(Operation operation, OperationResult result, Money amount, String providerReference,
                          String message, String eventKey, String eventType, FailureReason reason) {

    public PaymentFact {
        Required.nonNull("operation, result, amount, eventKey", operation, result, amount, eventKey);
    }

    public static PaymentFact of(Operation operation, OperationResult result, Money amount, String providerReference,
                                 String message, String eventKey) {
        return new PaymentFact(operation, result, amount, providerReference, message, eventKey, null, null);
    }

    public PaymentFact publishedAs(String type) {
        return new PaymentFact(operation, result, amount, providerReference, message, eventKey, type, reason);
    }

    public PaymentFact because(FailureReason given) {
        return new PaymentFact(operation, result, amount, providerReference, message, eventKey, eventType, given);
    }
}
