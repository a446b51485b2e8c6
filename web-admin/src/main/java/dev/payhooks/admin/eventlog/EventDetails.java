package dev.payhooks.admin.eventlog;

import java.time.Instant;
import java.util.List;

/**
 * One event for the detail panel: the payload pretty-printed, every delivery and attempt, and the
 * correlation id it was published under (empty when none).
 */
public record EventDetails(String eventId, String eventType, Instant createdAt, String source, String correlationId,
                           String prettyPayload, List<DeliveryDetails> deliveries) {

    public record DeliveryDetails(String webhookId, String webhookLabel, String status, String deadReason,
                                  Instant nextAttemptAt, List<AttemptDetails> attempts) { }

    public record AttemptDetails(int number, Instant startedAt, Integer httpStatus, long latencyMillis, boolean success,
                                 String errorClass, String responseExcerpt) { }
}
