package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order note for Saleor. */
@Entity
@Table(name = "saleor_order_note")
public class OrderNoteEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "api_url", length = 500, nullable = false)
    String apiUrl;

    @Column(name = "provider", length = 20, nullable = false)
    String provider;

    @Column(name = "order_id", length = 255, nullable = false)
    String orderId;

    @Column(name = "message", length = 1000, nullable = false)
    String message;

    @Column(name = "status", length = 10, nullable = false)
    String status;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "warning", length = 1000)
    String warning;

    @Column(name = "claimed_until")
    Instant claimedUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
