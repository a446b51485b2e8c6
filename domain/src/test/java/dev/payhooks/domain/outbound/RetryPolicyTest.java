package dev.payhooks.domain.outbound;

import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.outbound.RetryPolicy.DeadLetter;
import dev.payhooks.domain.outbound.RetryPolicy.DisableSubscription;
import dev.payhooks.domain.outbound.RetryPolicy.RetryAfterDelay;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    final RetryPolicy policy = RetryPolicy.standard();
    static final double MIDDLE = 0.5; // no jitter

    Duration delayAfter(int attempt, AttemptFailure failure, double random) {
        return assertInstanceOf(RetryAfterDelay.class, policy.afterFailure(attempt, failure, () -> random)).delay();
    }

    @Test
    void theScheduleIsTheContractsEightAttemptsOverAboutADay() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
            total = total.plus(delayAfter(attempt, AttemptFailure.noAnswer(), MIDDLE));
        }
        assertEquals(8, policy.maxAttempts());
        assertEquals(Duration.ofSeconds(5), delayAfter(1, AttemptFailure.noAnswer(), MIDDLE));
        assertEquals(Duration.ofHours(10), delayAfter(7, AttemptFailure.noAnswer(), MIDDLE));
        assertEquals(Duration.parse("PT27H35M5S"), total);
    }

    @Test
    void afterTheLastAttemptTheEventIsDeadLettered() {
        DeadLetter dead = assertInstanceOf(DeadLetter.class, policy.afterFailure(8, AttemptFailure.status(500, Optional.empty()), () -> MIDDLE));

        assertEquals("no success after 8 attempts; last answer 500", dead.reason());
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        assertInstanceOf(DisableSubscription.class, policy.afterFailure(1, AttemptFailure.status(410, Optional.empty()), () -> MIDDLE));
        assertInstanceOf(DisableSubscription.class, policy.afterFailure(8, AttemptFailure.status(410, Optional.empty()), () -> MIDDLE));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertEquals(Duration.ofMinutes(4), delayAfter(2, AttemptFailure.noAnswer(), 0.0));
        assertTrue(delayAfter(2, AttemptFailure.noAnswer(), 0.999_999).compareTo(Duration.ofMinutes(6)) <= 0);
    }

    @Property
    void everyJitteredDelayIsWithinBounds(@ForAll @IntRange(min = 1, max = 7) int attempt,
                                          @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration base = RetryPolicy.DEFAULT_SCHEDULE.get(attempt);
        Duration delay = delayAfter(attempt, AttemptFailure.status(502, Optional.empty()), random);
        assertTrue(delay.toMillis() >= Math.floor(base.toMillis() * 0.8), delay + " vs " + base);
        assertTrue(delay.toMillis() <= Math.ceil(base.toMillis() * 1.2), delay + " vs " + base);
    }

    @Test
    void retryAfterIsHonouredWithinScheduledAndTwiceScheduled() {
        // after attempt 3 the schedule says 30 min
        assertEquals(Duration.ofMinutes(45), delayAfter(3, AttemptFailure.status(429, Optional.of(Duration.ofMinutes(45))), MIDDLE));
        assertEquals(Duration.ofMinutes(30), delayAfter(3, AttemptFailure.status(503, Optional.of(Duration.ofSeconds(1))), MIDDLE));
        assertEquals(Duration.ofMinutes(60), delayAfter(3, AttemptFailure.status(503, Optional.of(Duration.ofDays(3))), MIDDLE));
        // only 429 and 503 may ask for time
        assertEquals(Duration.ofMinutes(30), delayAfter(3, AttemptFailure.status(500, Optional.of(Duration.ofMinutes(45))), MIDDLE));
    }

    @Test
    void autoDisableAfterFiveDaysOfContinuousFailure() {
        Instant since = Instant.parse("2026-11-18T12:00:00Z");

        assertFalse(policy.shouldAutoDisable(since, since.plus(Duration.ofDays(5)).minusMillis(1)));
        assertTrue(policy.shouldAutoDisable(since, since.plus(Duration.ofDays(5))));
        assertFalse(policy.shouldAutoDisable(null, since), "never failed");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(java.util.List.of(), 0.2, Duration.ofDays(5)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(RetryPolicy.DEFAULT_SCHEDULE, 1.0, Duration.ofDays(5)));
        assertThrows(IllegalArgumentException.class, () -> policy.afterFailure(0, AttemptFailure.noAnswer(), () -> MIDDLE));
        assertThrows(IllegalArgumentException.class, () -> policy.afterFailure(1, AttemptFailure.noAnswer(), () -> 1.0));
    }
}
