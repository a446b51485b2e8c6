package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.Operation;

import java.time.Clock;

/**
 * Saleor's cancel request: the provider voids what remains of an authorization. The provider confirms the cancel
 * later; the reply says it is pending, and a repeated delivery gets the same reply without a
 * second provider call.
 */
public final class CancelTransaction extends ActionFlow {

    public CancelTransaction(PaymentProvider provider, ReplyFormat<ActionAnswer> format, RepeatedDeliveries deliveries,
                             UnitOfWork units, Clock clock) {
        super(Operation.CANCEL, PaymentProvider::cancel, provider, format, deliveries, units, clock);
    }
}
