package dev.payhooks.domain.payment;

/**
 * What was attempted on a transaction. Names follow Kill Bill's payment operations; Saleor's
 * event types are {@code <operation>_<result>} of these (CHARGE_BACK and REFUND_REVERSE aside).
 */
public enum Operation {
    /** Reserve funds without taking them. */
    AUTHORIZE,
    /** Take funds: a sale without authorization, or the capture of an authorization. */
    CHARGE,
    /** Void what remains of an authorization. */
    CANCEL,
    /** Give charged funds back. */
    REFUND,
    /** A refund undone by the provider (Adyen REFUNDED_REVERSED): the funds are the merchant's again. */
    REFUND_REVERSAL,
    /** The cardholder's bank took charged funds back. */
    CHARGEBACK
}
