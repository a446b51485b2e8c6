package dev.payhooks.domain.inbound;

/**
 * Where a stored notification is in the pipeline. RECEIVED and FAILED still wait for (another)
 * processing attempt; PROCESSED and IGNORED are final.
 */
public enum ProcessingStatus {
    /** Stored, not yet applied. */
    RECEIVED,
    /** Applied to the domain. */
    PROCESSED,
    /** Acknowledged with no effect: unknown event type, unknown merchant, failed verification. */
    IGNORED,
    /** The last attempt to apply it failed; it is tried again until the attempts run out. */
    FAILED;

    public boolean isFinal() {
        return this == PROCESSED || this == IGNORED;
    }
}
