package dev.payhooks.domain.refund;

public enum RefundStatus {
    REQUESTED,
    SUCCEEDED,
    /** Final; staff read the message (which step failed) and act. A new attempt is a new refund. */
    FAILED
}
