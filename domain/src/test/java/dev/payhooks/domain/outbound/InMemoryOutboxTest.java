package dev.payhooks.domain.outbound;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The fake behaves like the database adapter in what callers rely on. */
class InMemoryOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static OutboundEvent event(char hexDigit, Instant at, String idempotencyKey) {
        return OutboundEvent.create(new EventId(String.valueOf(hexDigit).repeat(64)), "m-1", "ach.settled", "{}", at,
            idempotencyKey, null);
    }

    @Test
    void orderAndIdempotencyKeys() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        outbox.append(event('c', T0, null));
        outbox.append(event('b', T0, "k-1"));
        outbox.append(event('a', T0.plusSeconds(1), null));

        assertThrows(IllegalStateException.class, () -> outbox.append(event('d', T0, "k-1")));
        assertEquals(Optional.of('b'), outbox.byIdempotencyKey("m-1", "k-1").map(e -> e.id().value().charAt(0)));
        assertEquals(Optional.empty(), outbox.byIdempotencyKey("m-2", "k-1"));

        List<OutboundEvent> all = outbox.after(OutboxPosition.START, 10);
        assertEquals(List.of('b', 'c', 'a'), all.stream().map(e -> e.id().value().charAt(0)).toList());
        assertEquals(List.of('a'), outbox.after(all.get(1).position(), 10).stream().map(e -> e.id().value().charAt(0)).toList());
    }
}
