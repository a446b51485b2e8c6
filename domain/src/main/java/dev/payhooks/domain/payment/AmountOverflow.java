package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.DomainException;

/** A calculation left the range of a {@code long} count of minor units. */
public final class AmountOverflow extends DomainException {

    public AmountOverflow(String message) {
        super("amount_overflow", message);
    }
}
