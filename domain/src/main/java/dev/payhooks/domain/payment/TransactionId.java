package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;

import java.util.regex.Pattern;

/**
 * The hub's own identity of a payment transaction (made by an id generator port). Saleor's
 * transaction id and the providers' references are other things: see
 * {@link PaymentTransaction#merchantReference()} and {@link PaymentTransaction#providerReference()}.
 */
public record TransactionId(String value) {

    // ids travel in URLs and outbound payloads: keep them URL-safe
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public TransactionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValue("transaction id " + InvalidValue.echo(value)
                + " must be 1-64 characters of A-Z, a-z, 0-9, '_', '-' starting with a letter or digit");
        }
    }

    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
