package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.Operation;

import java.time.Clock;

/**
 * Saleor's charge request: the provider captures an authorized payment. The provider confirms the charge
 * later; the reply says it is pending, and a repeated delivery gets the same reply without a
 * second provider call.
 */
public final class ChargeTransaction extends ActionFlow {

    public ChargeTransaction(PaymentProvider provider, ReplyFormat<ActionAnswer> format, RepeatedDeliveries deliveries,
                             UnitOfWork units, Clock clock) {
        super(Operation.CHARGE, PaymentProvider::charge, provider, format, deliveries, units, clock);
    }
}
