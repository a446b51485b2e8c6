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

    /** One of the amounts, so that a rule can name which it changes. */
    enum Kind {
        AUTHORIZED, CHARGED, REFUNDED, CANCELLED, CHARGED_BACK, AUTHORIZATION_PENDING, CHARGE_PENDING,
        REFUND_PENDING, CANCEL_PENDING
    }

    // in the order of Kind and of the record's components
    private Money[] all() {
        return new Money[] {authorized, charged, refunded, cancelled, chargedBack, authorizationPending, chargePending,
            refundPending, cancelPending};
    }

    Money get(Kind kind) {
        return all()[kind.ordinal()];
    }

    /** These amounts with {@code kind} set to {@code value}. */
    TransactionAmounts with(Kind kind, Money value) {
        Money[] m = all();
        m[kind.ordinal()] = value;
        return new TransactionAmounts(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
    }

    /** These amounts with {@code amount} added to {@code kind}. */
    TransactionAmounts plus(Kind kind, Money amount) {
        return with(kind, get(kind).plus(amount));
    }
}
