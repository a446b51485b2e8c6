package dev.payhooks.admin.facade;

import java.time.Instant;

/** One line of the event log: an outbound event and how its deliveries stand. */
public record EventRow(String eventId, String eventType, Instant createdAt, String deliveryStatus, String webhooks) {
}
