package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.time.Instant;
import java.util.Objects;

/**
 * One reference a provider gave a payment (Adyen pspReference, NP Atobarai np_transaction_id,
 * Walley OrderId, Annanow transaction id), and since when it is the one in use.
 */
public record ProviderReference(String value, Instant since) {

    static final int MAX_LENGTH = 255;

    public ProviderReference {
        value = requireValid(value);
        Objects.requireNonNull(since, "since");
    }

    static String requireValid(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidValue("provider reference must not be blank");
        }
        if (reference.length() > MAX_LENGTH || reference.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValue("provider reference " + InvalidValue.echo(reference)
                + " must be at most " + MAX_LENGTH + " printable characters");
        }
        return reference;
    }
}
