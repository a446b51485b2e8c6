package dev.payhooks.application.saleor;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.PaymentTransactions;

import java.time.Clock;

/**
 * Saleor's transaction initialize session: the provider starts the payment (an authorization,
 * or a sale on a channel that charges at once) and the payment records its answer. A repeated
 * delivery gets the first reply without a second provider call.
 */
public final class InitializeSession extends SessionFlow {

    public InitializeSession(PaymentProvider provider, ReplyFormat<SessionAnswer> format, RepeatedDeliveries deliveries,
                             RecordProviderOutcome outcomes, PaymentTransactions transactions, UnitOfWork units,
                             Clock clock) {
        super(false, provider, format, deliveries, outcomes, transactions, units, clock);
    }
}
