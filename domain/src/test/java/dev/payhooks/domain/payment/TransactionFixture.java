package dev.payhooks.domain.payment;

import java.time.Duration;
import java.time.Instant;

/**
 * Transactions in a given status, reached through the aggregate's own methods, with room
 * for any follow-up: EUR 100.00 authorized, EUR 60.00 of it captured (so 40.00 is left to
 * capture or void), EUR 20.00 refunded where partially refunded.
 */
final class TransactionFixture {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Currency EUR = Currency.EUR;

    private TransactionFixture() {
    }

    static Money eur(long cents) {
        return Money.of(cents, EUR);
    }

    static ProviderReport report(long cents) {
        return ProviderReport.of(eur(cents), T0.plus(Duration.ofMinutes(1)));
    }

    static PaymentTransaction fresh() {
        return PaymentTransaction.initialize(TransactionId.of("tx-1"), "eu-store", ProviderId.ADYEN,
            "VHJhbnNhY3Rpb25JdGVtOjE=", EUR, T0);
    }

    static PaymentTransaction in(TransactionStatus status) {
        PaymentTransaction tx = fresh();
        switch (status) {
            case NEW -> { }
            case AUTHORIZATION_REQUESTED -> tx.authorizationRequested(report(10_000));
            case AUTHORIZATION_ACTION_REQUIRED -> tx.authorizationActionRequired(report(10_000));
            case CHARGE_REQUESTED -> tx.chargeRequested(report(10_000));
            case CHARGE_ACTION_REQUIRED -> tx.chargeActionRequired(report(10_000));
            case FAILED -> tx.authorizationFailed(report(10_000));
            case AUTHORIZED -> tx.authorizationSucceeded(report(10_000));
            case CHARGED -> charged(tx);
            case PARTIALLY_REFUNDED -> charged(tx).refundSucceeded(report(2_000));
            case REFUNDED -> charged(tx).refundSucceeded(report(6_000));
            case CANCELLED -> {
                tx.authorizationSucceeded(report(10_000));
                tx.cancelSucceeded(report(10_000));
            }
            case CHARGED_BACK -> charged(tx).chargedBack(report(6_000));
        }
        if (tx.status() != status) {
            throw new AssertionError("fixture reached " + tx.status() + " instead of " + status);
        }
        return tx;
    }

    private static PaymentTransaction charged(PaymentTransaction tx) {
        tx.authorizationSucceeded(report(10_000));
        tx.chargeSucceeded(report(6_000));
        return tx;
    }
}
