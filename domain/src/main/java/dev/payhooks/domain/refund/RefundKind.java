package dev.payhooks.domain.refund;

/**
 * How the refund was asked for in Saleor. The providers treat them differently: Adyen sends
 * line items for a granted refund and only for a manual one that covers the whole order;
 * NP Atobarai reduces line quantities for a granted refund and adds a discount line for a
 * manual one.
 */
public enum RefundKind {
    /** An amount chosen by staff, no lines ({@code grantedRefund} is null). */
    MANUAL,
    /** A granted refund (Saleor ≥ 3.15): order lines and quantities, maybe shipping. */
    GRANTED
}
