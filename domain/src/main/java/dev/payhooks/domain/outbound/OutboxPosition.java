package dev.payhooks.domain.outbound;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in the outbox order: by creation time, then by event id for events created in the
 * same microsecond. {@link #START} comes before every event (their times come from the clock).
 */
public record OutboxPosition(Instant createdAt, EventId eventId) {

    public static final OutboxPosition START = new OutboxPosition(Instant.EPOCH, new EventId("0".repeat(64)));

    public OutboxPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(eventId, "eventId");
    }
}
