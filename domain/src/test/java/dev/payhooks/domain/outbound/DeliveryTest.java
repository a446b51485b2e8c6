package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.outbound.RetryPolicy.AttemptFailure;
import dev.payhooks.domain.outbound.RetryPolicy.DisableSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final EventId EVENT = EventId.fromBytes(new byte[32]);
    final RetryPolicy policy = RetryPolicy.standard();

    static Delivery fresh() {
        return Delivery.schedule("d-1", EVENT, "s-1", "m-1", T0);
    }

    static DeliveryAttempt failure(int number, Instant at, int status) {
        return new DeliveryAttempt(number, at, Duration.ofMillis(100), status, null, "oops", false);
    }

    @Test
    void aNewDeliveryIsDueAtOnce() {
        Delivery d = fresh();

        assertTrue(d.dueAt(T0));
        assertEquals(1, d.nextAttemptNumber());
    }

    @Test
    void failuresFollowTheScheduleUntilTheDeadLetter() {
        Delivery d = fresh();
        Instant at = T0;
        for (int n = 1; n <= 7; n++) {
            d.failed(failure(n, at, 500), AttemptFailure.status(500, Optional.empty()), policy, () -> 0.5);
            assertEquals(DeliveryStatus.PENDING, d.status());
            Instant next = d.nextAttemptAt().orElseThrow();
            assertEquals(at.plusMillis(100).plus(RetryPolicy.DEFAULT_SCHEDULE.get(n)), next);
            assertFalse(d.dueAt(next.minusMillis(1)));
            at = next;
        }
        d.failed(failure(8, at, 500), AttemptFailure.status(500, Optional.empty()), policy, () -> 0.5);

        assertEquals(DeliveryStatus.DEAD, d.status());
        assertEquals("no success after 8 attempts; last answer 500", d.deadReason().orElseThrow());
        assertEquals(8, d.attempts().size());
    }

    @Test
    void successEndsIt() {
        Delivery d = fresh();
        d.failed(new DeliveryAttempt(1, T0, Duration.ofSeconds(15), null, "TIMEOUT", null, false),
            AttemptFailure.noAnswer(), policy, () -> 0.5);
        d.succeeded(new DeliveryAttempt(2, T0.plusSeconds(30), Duration.ofMillis(20), 204, null, "", true));

        assertEquals(DeliveryStatus.SUCCEEDED, d.status());
        assertTrue(d.nextAttemptAt().isEmpty());
        assertThrows(IllegalTransition.class, () -> d.succeeded(new DeliveryAttempt(3, T0, Duration.ZERO, 200, null, null, true)));
    }

    @Test
    void goneKillsTheDeliveryAndAsksToDisableTheSubscription() {
        Delivery d = fresh();

        assertInstanceOf(DisableSubscription.class,
            d.failed(failure(1, T0, 410), AttemptFailure.status(410, Optional.empty()), policy, () -> 0.5));
        assertEquals(DeliveryStatus.DEAD, d.status());
    }

    @Test
    void replayStartsTheScheduleAgainAndKeepsTheLog() {
        Delivery d = fresh();
        d.succeeded(new DeliveryAttempt(1, T0, Duration.ofMillis(5), 200, null, "ok", true));

        d.replay(T0.plusSeconds(60));

        assertTrue(d.dueAt(T0.plusSeconds(60)));
        assertEquals(0, d.attemptsThisRound());
        assertEquals(2, d.nextAttemptNumber(), "numbers continue across replays");
        assertThrows(IllegalTransition.class, () -> d.replay(T0.plusSeconds(61)), "a pending delivery needs no replay");
    }

    @Test
    void attemptsMustComeInOrderAndBeConsistent() {
        Delivery d = fresh();

        assertThrows(IllegalArgumentException.class, () -> d.succeeded(new DeliveryAttempt(2, T0, Duration.ZERO, 200, null, null, true)));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryAttempt(1, T0, Duration.ZERO, 500, null, null, true));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryAttempt(1, T0, Duration.ZERO, null, null, null, false));
        assertEquals(DeliveryAttempt.MAX_EXCERPT,
            new DeliveryAttempt(1, T0, Duration.ZERO, 500, null, "x".repeat(10_000), false).responseExcerpt().length());
    }

    @Test
    void abandonedDeliveriesAreDeadAndReplayable() {
        Delivery d = fresh();

        d.abandon("subscription disabled", T0);

        assertEquals(DeliveryStatus.DEAD, d.status());
        d.replay(T0.plusSeconds(1));
        assertEquals(DeliveryStatus.PENDING, d.status());
    }
}
