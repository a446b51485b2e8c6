package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.DomainException;

/**
 * An amount the transaction cannot take: refunding more than was charged, capturing more
 * than was authorized, cancelling what is already charged, a zero or negative amount.
 */
public final class AmountLimitExceeded extends DomainException {

    public AmountLimitExceeded(String message) {
        super("amount_limit_exceeded", message);
    }
}
