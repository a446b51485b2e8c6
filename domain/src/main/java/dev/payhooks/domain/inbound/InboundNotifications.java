package dev.payhooks.domain.inbound;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** All provider notifications ever received, as a collection. The caller owns the transaction. */
public interface InboundNotifications {

    /**
     * Adds a notification unless one with the same provider and key is already stored for the
     * same merchant and channel (absent ones count as one scope of their own). Provider ids are
     * unique only within one provider account, so the same key at another merchant or channel is
     * another notification, never a duplicate. The database decides (a unique constraint), so
     * two instances receiving the same retry at the same moment still store it once. A duplicate
     * leaves the caller's transaction usable.
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

    /**
     * Locks the notification for processing in the caller's transaction if it still awaits
     * processing and no other transaction holds it (FOR UPDATE SKIP LOCKED): two instances never
     * apply the same notification at once, and neither waits for the other.
     */
    Optional<InboundNotification> lockIfAwaiting(String id);

    /**
     * {@link #lockIfAwaiting} for several at once, in one statement: those of {@code ids} that
     * still await processing and that no other transaction holds, locked in the caller's
     * transaction, oldest received first (then by id). The others are left out.
     */
    List<InboundNotification> lockAllIfAwaiting(List<String> ids);

    /**
     * Called between two notifications applied in one transaction, after the first one's
     * {@link #update}: what applying it wrote is sent to the database (it still commits or rolls
     * back with the transaction) and what it read or wrote is no longer kept in memory, so
     * applying the next one does not check all of it again. The notifications still to be applied
     * stay as they were locked. Nothing to do where nothing is kept.
     */
    default void settle() {
    }

    /**
     * Ids of notifications the retry loop should try now, oldest received first: RECEIVED before
     * {@code receivedBefore} (the request that stored it had its chance), FAILED with attempts
     * left whose last attempt was before {@code failedBefore}. Not locked: {@link #lockIfAwaiting}
     * decides who processes each.
     */
    default List<String> dueForProcessing(Instant receivedBefore, Instant failedBefore, int limit) {
        return dueForProcessing(receivedBefore, failedBefore, ApplyLanes.all(), limit);
    }

    /**
     * {@link #dueForProcessing(Instant, Instant, int)} in the given inbox {@code lanes} only
     * ({@link ApplyLanes}): what one worker of an instance applies.
     */
    List<String> dueForProcessing(Instant receivedBefore, Instant failedBefore, Collection<Integer> lanes, int limit);

    /**
     * A page of a merchant's notifications, newest received first, after {@code after} (keyset:
     * no OFFSET, no count).
     */
    Page search(String merchantId, Filter filter, Optional<Cursor> after, int limit);

    /**
     * Only the set fields filter; {@code from} inclusive and {@code to} exclusive, on the received
     * time. {@code idText} matches, ignoring case, any part of a notification's id, of the
     * transaction it applied to, or of its key (which holds the provider's references, e.g.
     * Adyen's pspReference), or exactly the correlation id of the request that stored it.
     */
    record Filter(Optional<ProviderId> provider, Optional<ProcessingStatus> status, Optional<Instant> from,
                  Optional<Instant> to, Optional<String> idText) {

        public Filter {
            Required.nonNull("provider, status, from, to", provider, status, from, to);
            idText = idText.map(String::trim).filter(text -> !text.isEmpty());
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Whether a notification passes this filter; the in-memory twin of the repository's query. */
        public boolean matches(InboundNotification n) {
            return provider.map(p -> n.provider() == p).orElse(true)
                && status.map(s -> n.status() == s).orElse(true)
                && from.map(at -> !n.receivedAt().isBefore(at)).orElse(true)
                && to.map(at -> n.receivedAt().isBefore(at)).orElse(true)
                && idText.map(text -> matchesText(n, text)).orElse(true);
        }

        private static boolean matchesText(InboundNotification n, String text) {
            String part = text.toLowerCase(Locale.ROOT);
            return n.id().toLowerCase(Locale.ROOT).contains(part)
                || n.transactionId().map(t -> t.value().toLowerCase(Locale.ROOT).contains(part)).orElse(false)
                || n.key().value().toLowerCase(Locale.ROOT).contains(part)
                || n.correlationId().map(c -> c.value().equals(text)).orElse(false);
        }
    }

    /** Where a page ended: the sort key of its last notification. */
    record Cursor(Instant receivedAt, String id) {
        public Cursor {
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(id, "id");
        }
    }

    record Page(List<InboundNotification> notifications, Optional<Cursor> next) {
        public Page {
            notifications = List.copyOf(notifications);
        }
    }

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
