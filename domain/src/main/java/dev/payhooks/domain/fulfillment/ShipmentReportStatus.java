package dev.payhooks.domain.fulfillment;

/** Whether the provider knows about the shipment yet. */
public enum ShipmentReportStatus {
    /** Not reported yet, or must be reported again (new tracking number, re-registered payment). */
    PENDING,
    REPORTED,
    /** The last report failed; it may be tried again. */
    FAILED
}
