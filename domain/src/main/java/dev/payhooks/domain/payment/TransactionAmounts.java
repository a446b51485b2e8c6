package dev.payhooks.domain.payment;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The money of one transaction: what was authorized, charged, refunded, cancelled and
 * charged back, and what is requested but not yet confirmed (pending). All in the
 * transaction's currency, none negative. Immutable; {@link PaymentTransaction} replaces it
 * as a whole, so a rejected operation never leaves a half-updated set of amounts.
 */
public record TransactionAmounts(Money authorized, Money charged, Money refunded, Money cancelled,
                                 Money chargedBack, Money authorizationPending, Money chargePending,
                                 Money refundPending, Money cancelPending) {

    public TransactionAmounts {
        Currency currency = Objects.requireNonNull(authorized, "authorized").currency();
        Stream.of(charged, refunded, cancelled, chargedBack, authorizationPending, chargePending,
                  refundPending, cancelPending)
            .forEach(amount -> {
                Objects.requireNonNull(amount, "amount");
                if (amount.currency() != currency) {
                    throw new CurrencyMismatch("transaction amounts mix " + currency.code() + " and "
                        + amount.currency().code());
                }
            });
        Stream.of(authorized, charged, refunded, cancelled, chargedBack, authorizationPending, chargePending,
                  refundPending, cancelPending)
            .filter(Money::isNegative)
            .findAny()
            .ifPresent(negative -> {
                throw new IllegalArgumentException("transaction amounts must not be negative: " + negative);
            });
    }

    public static TransactionAmounts zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new TransactionAmounts(zero, zero, zero, zero, zero, zero, zero, zero, zero);
    }

    public Currency currency() {
        return authorized.currency();
    }

    /** What an authorization still covers: neither captured nor voided, nor requested to be. */
    public Money capturable() {
        return atLeastZero(uncaptured().minus(chargePending).minus(cancelPending));
    }

    /**
     * What a cancel would void now: the uncaptured remainder, unless a capture is pending
     * (the void would race it) or a void is already requested.
     */
    public Money cancellable() {
        return chargePending.isPositive() || cancelPending.isPositive()
            ? Money.zero(currency()) : atLeastZero(uncaptured());
    }

    /** Authorized and neither captured nor voided, whatever is pending. */
    public Money uncaptured() {
        return atLeastZero(authorized.minus(charged).minus(cancelled));
    }

    /** What may still be refunded: charged, less refunded and refunds already requested. */
    public Money refundable() {
        return atLeastZero(charged.minus(refunded).minus(refundPending));
    }

    // a sale has charged without authorizing: its "remaining authorization" is nothing, not negative
    private static Money atLeastZero(Money amount) {
        return amount.max(Money.zero(amount.currency()));
    }

    TransactionAmounts withAuthorized(Money value) {
        return new TransactionAmounts(value, charged, refunded, cancelled, chargedBack, authorizationPending,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withCharged(Money value) {
        return new TransactionAmounts(authorized, value, refunded, cancelled, chargedBack, authorizationPending,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withRefunded(Money value) {
        return new TransactionAmounts(authorized, charged, value, cancelled, chargedBack, authorizationPending,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withCancelled(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, value, chargedBack, authorizationPending,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withChargedBack(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, cancelled, value, authorizationPending,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withAuthorizationPending(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, cancelled, chargedBack, value,
            chargePending, refundPending, cancelPending);
    }

    TransactionAmounts withChargePending(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, cancelled, chargedBack, authorizationPending,
            value, refundPending, cancelPending);
    }

    TransactionAmounts withRefundPending(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, cancelled, chargedBack, authorizationPending,
            chargePending, value, cancelPending);
    }

    TransactionAmounts withCancelPending(Money value) {
        return new TransactionAmounts(authorized, charged, refunded, cancelled, chargedBack, authorizationPending,
            chargePending, refundPending, value);
    }
}
