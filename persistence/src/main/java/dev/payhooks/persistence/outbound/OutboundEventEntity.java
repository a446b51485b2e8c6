package dev.payhooks.persistence.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;

/** An outbox row. Never updated: how deliveries go is recorded elsewhere, so it has no version. */
@Entity
@Table(name = "outbound_event",
    uniqueConstraints = @UniqueConstraint(name = "uq_outbound_event_idempotency_key", columnNames = {"merchant_id", "idempotency_key"}))
public class OutboundEventEntity {

    @Id String eventId;
    @Column(nullable = false, updatable = false) String merchantId;
    @Column(nullable = false, updatable = false) String eventType;
    @Column(nullable = false, updatable = false) String payload;
    @Column(nullable = false, updatable = false) Instant createdAt;
    @Column(updatable = false) String idempotencyKey;
    @Column(updatable = false) String source;
    @Column(updatable = false) String correlationId;
}
