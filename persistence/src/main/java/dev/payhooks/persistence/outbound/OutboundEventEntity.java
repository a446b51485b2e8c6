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

    @Id
    @Column(name = "event_id", length = 64, nullable = false)
    String eventId;

    @Column(name = "merchant_id", length = 36, nullable = false, updatable = false)
    String merchantId;

    @Column(name = "event_type", length = 100, nullable = false, updatable = false)
    String eventType;

    @Column(name = "payload", nullable = false, updatable = false)
    String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "idempotency_key", length = 255, updatable = false)
    String idempotencyKey;

    @Column(name = "source", length = 200, updatable = false)
    String source;

    protected OutboundEventEntity() {
        // for JPA
    }
}
