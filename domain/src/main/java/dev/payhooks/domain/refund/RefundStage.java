package dev.payhooks.domain.refund;

/**
 * Whether the shipment (tracking number) was already reported to the provider when the
 * refund was asked for. NP Atobarai changes its transaction in place before the report, but
 * must cancel and re-register it after.
 */
public enum RefundStage {
    BEFORE_SHIPMENT,
    AFTER_SHIPMENT
}
