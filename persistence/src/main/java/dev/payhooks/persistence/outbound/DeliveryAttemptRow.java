package dev.payhooks.persistence.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** One row of {@code delivery_attempt}: how one attempt of a delivery went. */
@Embeddable
public record DeliveryAttemptRow(
    @Column(nullable = false) Instant startedAt,
    @Column(name = "latency_ms") long latencyMillis,
    Integer httpStatus,
    String errorClass,
    String responseExcerpt,
    boolean success,
    String correlationId) {
}
