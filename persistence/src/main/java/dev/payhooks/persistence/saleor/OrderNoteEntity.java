package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order note for Saleor. */
@Entity
@Table(name = "saleor_order_note")
public class OrderNoteEntity extends SaleorCallEntity {

    @Column(nullable = false) String orderId;
    @Column(nullable = false) String message;
    String warning;
    Instant claimedUntil;
}
