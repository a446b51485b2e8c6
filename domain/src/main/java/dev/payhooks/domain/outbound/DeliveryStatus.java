package dev.payhooks.domain.outbound;

/** Where the delivery of one event to one subscription stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (due at {@code nextAttemptAt}). */
    PENDING,
    /** An endpoint answered 2xx. Final unless replayed. */
    SUCCEEDED,
    /** Given up: the schedule ran out, or the subscription was disabled. Replayable. */
    DEAD
}
