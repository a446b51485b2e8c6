package dev.payhooks.domain.retention;

import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows whose retention has run out, taken in small batches. Every method runs in the
 * caller's transaction and touches at most {@code limit} rows (notifications, deliveries, events,
 * audit entries), so no transaction holds many locks for long. Every method is idempotent and
 * re-checks its condition as it writes: two instances running the same batch at once delete or
 * redact each row once, and a row that stopped qualifying meanwhile (e.g. a replayed delivery) is
 * left alone.
 */
public interface ExpiredRecords {

    /**
     * Deletes notifications received before {@code receivedBefore} whose processing is over
     * (PROCESSED or IGNORED), oldest first. Notifications still awaiting processing and those that
     * failed for good (they wait for staff) are kept. Returns how many were deleted.
     */
    int deleteFinishedNotifications(Instant receivedBefore, int limit);

    /**
     * Notifications received before {@code receivedBefore} that no longer await processing
     * (PROCESSED, IGNORED, or FAILED with no attempts left) and are not redacted yet, oldest first.
     */
    List<StoredBody> unredactedFinishedNotifications(Instant receivedBefore, int limit);

    /**
     * Replaces a notification's body by its redacted form and records when, unless it is redacted
     * already or awaits processing again. Returns whether this call redacted it.
     */
    boolean replaceWithRedactedBody(String notificationId, byte[] redactedBody, Instant at);

    /**
     * Removes the customer contact kept on up to {@code limit} payment transactions that have not
     * changed since before {@code updatedBefore}, oldest first; the rest of each transaction stays.
     * Returns how many contacts were removed.
     */
    int redactTransactionContacts(Instant updatedBefore, int limit);

    /**
     * Deletes the attempts of up to {@code limit} deliveries that finished (SUCCEEDED or DEAD)
     * before {@code finishedBefore}; the delivery rows stay. Returns how many attempts were deleted.
     */
    int deleteAttemptsOfFinishedDeliveries(Instant finishedBefore, int limit);

    /**
     * Deletes outbound events created before {@code createdBefore} none of whose deliveries is
     * still pending, with their deliveries and attempts, oldest first. Returns how many events.
     */
    int deleteFinishedEvents(Instant createdBefore, int limit);

    /** Deletes audit entries recorded before {@code recordedBefore}, oldest first. Returns how many. */
    int deleteAuditEntries(Instant recordedBefore, int limit);

    /** A stored notification body as redaction needs it. Never logged: it holds personal data. */
    record StoredBody(String notificationId, ProviderId provider, Optional<String> contentType, byte[] body) {
        public StoredBody {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(contentType, "contentType");
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return "StoredBody[" + notificationId + ", " + provider.slug() + ", " + body.length + " bytes]";
        }
    }
}
