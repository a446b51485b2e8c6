package dev.payhooks.persistence.saleor;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A call the hub owes one Saleor installation (an order note, a transaction report): which
 * installation, whether it is still pending, and how often it was tried.
 */
@MappedSuperclass
abstract class SaleorCallEntity {

    @Id
    String id;

    @Column(nullable = false)
    String apiUrl;

    @Column(nullable = false)
    String provider;

    @Column(nullable = false)
    String status;

    int attempts;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;
}
