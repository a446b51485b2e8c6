package dev.payhooks.admin.eventlog;

import java.time.Instant;

/**
 * One line of the event log: an outbound event and how its deliveries stand, or a provider
 * notification and how its processing went. {@code counterpart} is the webhooks an event went
 * to, or the provider and channel a notification came from.
 */
public record EventRow(Direction direction, String id, String eventType, Instant createdAt, String status, String counterpart) {

    public enum Direction { INBOUND, OUTBOUND }

    public boolean inbound() {
        return direction == Direction.INBOUND;
    }
}
