package dev.payhooks.application.saleor;

import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerDeadlineTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-06T10:00:00Z"));
    final Duration fifteen = Duration.ofSeconds(15);

    @Test
    void aFreshRequestKeepsTheCallsOwnBound() {
        AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);

        assertEquals(Duration.ofSeconds(18), deadline.left());
        assertEquals(fifteen, deadline.callBound(fifteen));
    }

    @Test
    void aLateCallGetsWhatIsLeftLessTheReserveForTheHubsOwnWork() {
        AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);
        clock.advance(Duration.ofSeconds(12));  // e.g. a slow signature-key refresh and a first NP step

        assertEquals(Duration.ofSeconds(4), deadline.callBound(fifteen));
        assertEquals(Duration.ofSeconds(3), deadline.callBound(Duration.ofSeconds(3)));
    }

    @Test
    void withLessThanTheMinimumLeftNoCallIsMade() {
        AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);
        clock.advance(Duration.ofMillis(15_600));

        assertEquals(Duration.ZERO, deadline.callBound(fifteen));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ZERO, deadline.left());
        assertEquals(Duration.ZERO, deadline.callBound(fifteen));
    }
}
