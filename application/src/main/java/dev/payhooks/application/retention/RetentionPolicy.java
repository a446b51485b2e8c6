package dev.payhooks.application.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long each kind of record is kept; an empty period keeps that kind for ever. Validates
 * itself, so a setting that would break deduplication or processing is refused at startup.
 *
 * @param notifications    finished provider notifications (PROCESSED, IGNORED), by receipt time;
 *                         at least {@link #MIN_NOTIFICATIONS}: providers resend a notification for
 *                         up to 30 days (Adyen), and the stored row is what recognises a resend
 * @param redaction        personal fields in the stored body of a notification that no longer
 *                         awaits processing, by receipt time
 * @param deliveryAttempts the attempts of a delivery that finished (SUCCEEDED, DEAD), by the time it finished
 * @param events           outbound events none of whose deliveries is pending, with their deliveries, by creation time
 * @param auditEntries     audit entries, by the time they were recorded
 * @param batchSize        rows per transaction
 * @param maxBatches       batches per kind and run; what is left waits for the next run
 */
public record RetentionPolicy(Optional<Duration> notifications, Optional<Duration> redaction,
                              Optional<Duration> deliveryAttempts, Optional<Duration> events,
                              Optional<Duration> auditEntries, int batchSize, int maxBatches) {

    public static final Duration MIN_NOTIFICATIONS = Duration.ofDays(31);
    public static final Duration MIN_PERIOD = Duration.ofDays(1);
    /** Bodies are up to 256 KiB each: redaction holds fewer of them in memory at once than a delete batch has rows. */
    public static final int MAX_REDACTION_BATCH = 100;

    public RetentionPolicy {
        requireAtLeast(notifications, MIN_NOTIFICATIONS, "notification retention");
        requireAtLeast(redaction, MIN_PERIOD, "redaction age");
        requireAtLeast(deliveryAttempts, MIN_PERIOD, "delivery attempt retention");
        requireAtLeast(events, MIN_PERIOD, "event retention");
        requireAtLeast(auditEntries, MIN_PERIOD, "audit retention");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("retention batch size must be between 1 and 10000 (was " + batchSize + ")");
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("retention batches per run must be at least 1 (was " + maxBatches + ")");
        }
    }

    /** Days as configured: 0 or less keeps records for ever. */
    public static Optional<Duration> days(long days) {
        return days <= 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    int redactionBatchSize() {
        return Math.min(batchSize, MAX_REDACTION_BATCH);
    }

    private static void requireAtLeast(Optional<Duration> period, Duration minimum, String name) {
        Objects.requireNonNull(period, name);
        if (period.isPresent() && period.get().compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum.toDays() + " days (was "
                + period.get().toDays() + " days; 0 keeps records for ever)");
        }
    }
}
