package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.time.Instant;
import java.util.Objects;

/**
 * What an adapter learned about one operation: the amount, when the hub learned it (from
 * the injected clock, not the provider's clock), and optionally the provider's reference
 * for this event, a message (refusal reason, hold reasons, failed step), an event key and a
 * replacement payment reference.
 *
 * <p><b>Event key.</b> Identifies the provider fact, not its delivery, so that the same fact
 * applied twice is recognised ({@link PaymentTransaction#applied(String)}): e.g. for Adyen
 * {@code "adyen:" + pspReference + ":" + eventCode + ":" + success + ":" + originalReference},
 * used for both the synchronous response and the later notification of the same result.
 *
 * <p><b>New payment reference.</b> Set when the provider now knows the payment under another
 * reference, e.g. NP Atobarai's re-registration after a partial refund after shipment.
 *
 * <p><b>Reason.</b> The provider's reason code with its description, when the provider gave one
 * (Walley's authorization retrying/failed reasons); null otherwise.
 */
public record ProviderReport(Money amount, Instant at, String providerReference, String message,
                             String eventKey, String newPaymentReference, FailureReason reason) {

    /** Provider messages end up in the admin UI and outbound events; a runaway one is cut here. */
    public static final int MAX_MESSAGE_LENGTH = 1000;
    public static final int MAX_EVENT_KEY_LENGTH = 255;

    public ProviderReport {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (providerReference != null) {
            providerReference = ProviderReference.requireValid(providerReference);
        }
        if (newPaymentReference != null) {
            newPaymentReference = ProviderReference.requireValid(newPaymentReference);
        }
        if (message != null) {
            message = message.isBlank() ? null
                : message.length() <= MAX_MESSAGE_LENGTH ? message
                : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
        }
        if (eventKey != null && (eventKey.isBlank() || eventKey.length() > MAX_EVENT_KEY_LENGTH)) {
            throw new InvalidValue("event key must be 1-" + MAX_EVENT_KEY_LENGTH + " characters, got "
                + InvalidValue.echo(eventKey));
        }
    }

    /** A report without a reason. */
    public ProviderReport(Money amount, Instant at, String providerReference, String message, String eventKey,
                          String newPaymentReference) {
        this(amount, at, providerReference, message, eventKey, newPaymentReference, null);
    }

    public static ProviderReport of(Money amount, Instant at) {
        return new ProviderReport(amount, at, null, null, null, null, null);
    }

    public ProviderReport withProviderReference(String reference) {
        return new ProviderReport(amount, at, reference, message, eventKey, newPaymentReference, reason);
    }

    public ProviderReport withMessage(String text) {
        return new ProviderReport(amount, at, providerReference, text, eventKey, newPaymentReference, reason);
    }

    public ProviderReport withEventKey(String key) {
        return new ProviderReport(amount, at, providerReference, message, key, newPaymentReference, reason);
    }

    public ProviderReport withNewPaymentReference(String reference) {
        return new ProviderReport(amount, at, providerReference, message, eventKey, reference, reason);
    }

    public ProviderReport withReason(FailureReason given) {
        return new ProviderReport(amount, at, providerReference, message, eventKey, newPaymentReference, given);
    }
}
