package dev.payhooks.domain.payment;

import dev.payhooks.domain.id.IdFormat;

/**
 * The hub's own identity of a payment transaction (made by an id generator port). Saleor's
 * transaction id and the providers' references are other things: see
 * {@link PaymentTransaction#merchantReference()} and {@link PaymentTransaction#providerReference()}.
 */
public record TransactionId(String value) {

    public TransactionId {
        IdFormat.HUB.require(value, "transaction id");
    }

    public static TransactionId of(String value) { return new TransactionId(value); }

    @Override public String toString() { return value; }
}
