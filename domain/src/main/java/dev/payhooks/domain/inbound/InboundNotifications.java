package dev.payhooks.domain.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** All provider notifications ever received, as a collection. The caller owns the transaction. */
public interface InboundNotifications {

    /**
     * Adds a notification unless one with the same provider and key is already stored. The
     * database decides (a unique constraint), so two instances receiving the same retry at the
     * same moment still store it once. A duplicate leaves the caller's transaction usable.
     */
    StoreResult store(InboundNotification notification);

    Optional<InboundNotification> byId(String id);

    /** Stores a processing outcome (optimistic locking on the version it was read with). */
    void update(InboundNotification notification);

    /**
     * Notifications still to be applied: RECEIVED, or FAILED with attempts left
     * ({@link InboundNotification#isAwaitingProcessing()}), oldest received first.
     */
    List<InboundNotification> awaitingProcessing(int limit);

    /** What {@link #store} did; on a duplicate, {@code notificationId} is the stored one's id. */
    record StoreResult(Outcome outcome, String notificationId) {

        public enum Outcome { STORED, DUPLICATE }

        public StoreResult {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(notificationId, "notificationId");
        }

        public static StoreResult stored(String id) {
            return new StoreResult(Outcome.STORED, id);
        }

        public static StoreResult duplicateOf(String existingId) {
            return new StoreResult(Outcome.DUPLICATE, existingId);
        }

        public boolean isDuplicate() {
            return outcome == Outcome.DUPLICATE;
        }
    }
}
