package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;

import java.time.Duration;
import java.util.Optional;

/**
 * How the delivery engine treats one subscription: its total timeout per attempt, whether
 * events go out strictly one at a time in publish order (FIFO), and an optional rate limit.
 */
public record DeliveryOptions(int timeoutSeconds, boolean fifo, Integer rateLimitPerSecond) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 15;
    public static final int MAX_TIMEOUT_SECONDS = 60;
    public static final int MAX_RATE_LIMIT_PER_SECOND = 1000;
    public static final DeliveryOptions DEFAULT = new DeliveryOptions(DEFAULT_TIMEOUT_SECONDS, false, null);

    public DeliveryOptions {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new InvalidField("timeoutSeconds", "must be 1-" + MAX_TIMEOUT_SECONDS + " seconds");
        }
        if (rateLimitPerSecond != null && (rateLimitPerSecond < 1 || rateLimitPerSecond > MAX_RATE_LIMIT_PER_SECOND)) {
            throw new InvalidField("rateLimitPerSecond", "must be 1-" + MAX_RATE_LIMIT_PER_SECOND + ", or absent for no limit");
        }
    }

    /** What a client sent; absent values take the defaults (15 s, not FIFO, unlimited). */
    public static DeliveryOptions of(Integer timeoutSeconds, Boolean fifo, Integer rateLimitPerSecond) {
        return new DeliveryOptions(timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds,
            fifo != null && fifo, rateLimitPerSecond);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Optional<Integer> rateLimit() {
        return Optional.ofNullable(rateLimitPerSecond);
    }
}
