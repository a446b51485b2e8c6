package dev.payhooks.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What happens after a failed delivery attempt: retry on the
 * schedule with ±20 % jitter, honour {@code Retry-After} on 429/503 within [scheduled, 2 ×
 * scheduled], disable the subscription on {@code 410 Gone}, and dead-letter the event once the
 * schedule is used up. Separately, a subscription failing without a break for the auto-disable
 * window is switched off.
 */
public final class RetryPolicy {

    /** Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: 8 attempts over about 27.5 h. */
    public static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    public static final double DEFAULT_JITTER = 0.20;
    public static final Duration DEFAULT_AUTO_DISABLE_AFTER = Duration.ofDays(5);

    /** How an attempt ended, as far as retrying is concerned. */
    public record AttemptFailure(Integer status, Optional<Duration> retryAfter) {
        public AttemptFailure {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** No HTTP answer at all (timeout, refused, TLS…). */
        public static AttemptFailure noAnswer() {
            return new AttemptFailure(null, Optional.empty());
        }

        public static AttemptFailure status(int status, Optional<Duration> retryAfter) {
            return new AttemptFailure(status, retryAfter);
        }
    }

    public sealed interface Decision permits RetryAfterDelay, DeadLetter, DisableSubscription { }

    public record RetryAfterDelay(Duration delay, int nextAttempt) implements Decision { }

    public record DeadLetter(String reason) implements Decision { }

    public record DisableSubscription(String reason) implements Decision { }

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration autoDisableAfter;

    public RetryPolicy(List<Duration> schedule, double jitter, Duration autoDisableAfter) {
        if (schedule == null || schedule.isEmpty() || schedule.stream().anyMatch(d -> d == null || d.isNegative())) {
            throw new IllegalArgumentException("a retry schedule needs at least one non-negative delay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction in [0, 1)");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.autoDisableAfter = Objects.requireNonNull(autoDisableAfter, "autoDisableAfter");
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(DEFAULT_SCHEDULE, DEFAULT_JITTER, DEFAULT_AUTO_DISABLE_AFTER);
    }

    public Duration autoDisableAfter() {
        return autoDisableAfter;
    }

    public int maxAttempts() {
        return schedule.size();
    }

    /**
     * After attempt number {@code attemptsMade} (1 for the first) failed.
     *
     * @param random uniform numbers in [0, 1); injected so tests decide the jitter
     */
    public Decision afterFailure(int attemptsMade, AttemptFailure failure, DoubleSupplier random) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attempts are counted from 1");
        }
        if (failure.status() != null && failure.status() == 410) {
            return new DisableSubscription("the endpoint answered 410 Gone");
        }
        if (attemptsMade >= schedule.size()) {
            return new DeadLetter("no success after " + attemptsMade + " attempts"
                + (failure.status() == null ? "" : "; last answer " + failure.status()));
        }
        Duration scheduled = jittered(schedule.get(attemptsMade), random.getAsDouble());
        Duration delay = scheduled;
        boolean mayAskForTime = failure.status() != null && (failure.status() == 429 || failure.status() == 503);
        if (mayAskForTime && failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            Duration twice = scheduled.multipliedBy(2);
            delay = asked.compareTo(scheduled) < 0 ? scheduled : asked.compareTo(twice) > 0 ? twice : asked;
        }
        return new RetryAfterDelay(delay, attemptsMade + 1);
    }

    /** A subscription failing without a single success since {@code failingSince} is switched off after the window. */
    public boolean shouldAutoDisable(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(autoDisableAfter));
    }

    Duration jittered(Duration base, double uniform) {
        if (uniform < 0 || uniform >= 1) {
            throw new IllegalArgumentException("random numbers must be in [0, 1)");
        }
        double factor = 1 + jitter * (2 * uniform - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
