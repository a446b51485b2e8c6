package dev.payhooks.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookHealthTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");

    static AttemptHistory.Attempt attempt(Instant at, long millis, boolean success) {
        return new AttemptHistory.Attempt("e", "ach.failed", 1, at, Duration.ofMillis(millis), success,
            success ? Optional.of(200) : Optional.of(500), Optional.empty());
    }

    @Test
    void ratesP95AndHoursOfTheWindow() {
        List<AttemptHistory.Attempt> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {  // 20 attempts, one a minute back from now, latencies 10..200 ms
            newestFirst.add(attempt(NOW.minus(Duration.ofMinutes(i)), 10L * i, i != 7));
        }

        WebhookHealth health = WebhookHealth.of(newestFirst, NOW, 24, false);

        assertEquals(20, health.attempts());
        assertEquals(19, health.succeeded());
        assertEquals(95.0, health.successRate().orElseThrow(), 1e-9);
        assertEquals(Duration.ofMillis(190), health.p95Latency().orElseThrow(), "nearest rank: the 19th of 20");
        assertEquals(24, health.hours().size());
        assertEquals(Instant.parse("2026-12-05T13:00:00Z"), health.hours().get(0).start());
        WebhookHealth.Hour current = health.hours().get(23);
        assertEquals(Instant.parse("2026-12-06T12:00:00Z"), current.start());
        assertEquals(19, current.succeeded(), "12:10 .. 12:29 all fall in the current hour");
        assertEquals(1, current.failed());
        assertEquals(20, health.hours().stream().mapToInt(h -> h.succeeded() + h.failed()).sum());
        assertTrue(health.failingSince().isEmpty(), "the newest attempt succeeded");
    }

    @Test
    void failingSinceIsTheFirstOfTheUnbrokenRunOfFailures() {
        List<AttemptHistory.Attempt> newestFirst = List.of(
            attempt(NOW.minusSeconds(10), 5, false),
            attempt(NOW.minusSeconds(20), 5, false),
            attempt(NOW.minusSeconds(30), 5, false),
            attempt(NOW.minusSeconds(40), 5, true),
            attempt(NOW.minusSeconds(50), 5, false));

        WebhookHealth health = WebhookHealth.of(newestFirst, NOW, 24, true);

        assertEquals(Optional.of(NOW.minusSeconds(30)), health.failingSince());
        assertTrue(health.sampled());
    }

    @Test
    void withoutAttemptsThereIsNoRateNorLatency() {
        WebhookHealth health = WebhookHealth.of(List.of(), NOW, 24, false);

        assertFalse(health.successRate().isPresent());
        assertFalse(health.p95Latency().isPresent());
        assertTrue(health.failingSince().isEmpty());
        assertEquals(0, health.hours().stream().mapToInt(h -> h.succeeded() + h.failed()).sum());
    }
}
