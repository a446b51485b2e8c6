package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.DomainException;

/** Two amounts in different currencies met in one calculation or one transaction. */
public final class CurrencyMismatch extends DomainException {

    public CurrencyMismatch(String message) {
        super("currency_mismatch", message);
    }
}
