package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order note for Saleor. */
@Entity
@Table(name = "saleor_order_note")
public class OrderNoteEntity extends SaleorCallEntity {

    @Column(name = "order_id", length = 255, nullable = false)
    String orderId;

    @Column(name = "message", length = 1000, nullable = false)
    String message;

    @Column(name = "warning", length = 1000)
    String warning;

    @Column(name = "claimed_until")
    Instant claimedUntil;
}
