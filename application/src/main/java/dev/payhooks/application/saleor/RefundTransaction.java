package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.Operation;

import java.time.Clock;

/**
 * Saleor's refund request: the provider gives charged money back. The provider confirms the refund
 * later; the reply says it is pending, and a repeated delivery gets the same reply without a
 * second provider call.
 */
public final class RefundTransaction extends ActionFlow {

    public RefundTransaction(PaymentProvider provider, ReplyFormat<ActionAnswer> format, RepeatedDeliveries deliveries,
                             UnitOfWork units, Clock clock) {
        super(Operation.REFUND, PaymentProvider::refund, provider, format, deliveries, units, clock);
    }
}
