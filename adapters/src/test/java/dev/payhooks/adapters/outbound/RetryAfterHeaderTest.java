package dev.payhooks.adapters.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterHeaderTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void secondsAndDatesAreUnderstood() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfterHeader.parse(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ofMinutes(30)), RetryAfterHeader.parse("Mon, 23 Nov 2026 12:30:00 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfterHeader.parse("Mon, 23 Nov 2026 11:00:00 GMT", NOW), "a past date means now");
    }

    @Test
    void anythingElseIsIgnored() {
        for (String bad : new String[] {null, "", "-5", "1.5", "soon", "99999999999", "2026-11-23T12:30:00Z"}) {
            assertEquals(Optional.empty(), RetryAfterHeader.parse(bad, NOW), String.valueOf(bad));
        }
    }
}
