package dev.payhooks.domain.reconciliation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the reconciliation job treats a transaction whose outcome is open: it becomes a candidate
 * once unchanged for {@code age}, is checked at most {@code maxAttempts} times, the n-th wait
 * being {@code firstDelay} doubled n−1 times up to {@code maxDelay}, and is then flagged for
 * staff. A run opens and checks at most {@code batchSize} transactions.
 */
public record ReconciliationPolicy(Duration age, int maxAttempts, Duration firstDelay, Duration maxDelay, int batchSize) {

    public static final int MAX_ATTEMPTS = 50;
    public static final int MAX_BATCH = 1000;

    public ReconciliationPolicy {
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("reconciliation age must be at least 1 minute (was " + age + ")");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("reconciliation attempts must be between 1 and " + MAX_ATTEMPTS
                + " (was " + maxAttempts + ")");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("reconciliation delays must be positive, the longest at least the first (was "
                + firstDelay + " and " + maxDelay + ")");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("reconciliation batch size must be between 1 and " + MAX_BATCH
                + " (was " + batchSize + ")");
        }
    }

    /** The wait after the {@code attempt}-th check that left the outcome unknown (1-based). */
    public Duration delayAfter(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }
}
