package dev.payhooks.application.saleor;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.PaymentTransactions;

import java.time.Clock;

/**
 * Saleor's transaction process session: the provider goes on with a started payment (the
 * shopper's redirect result, a changed order) under the payment's provider reference (Saleor's,
 * else the one the hub recorded), and the payment records the answer.
 */
public final class ProcessSession extends SessionFlow {

    public ProcessSession(PaymentProvider provider, ReplyFormat<SessionAnswer> format, RepeatedDeliveries deliveries,
                          RecordProviderOutcome outcomes, PaymentTransactions transactions, UnitOfWork units,
                          Clock clock) {
        super(true, provider, format, deliveries, outcomes, transactions, units, clock);
    }
}
