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
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "api_url", length = 500, nullable = false)
    String apiUrl;

    @Column(name = "provider", length = 20, nullable = false)
    String provider;

    @Column(name = "status", length = 10, nullable = false)
    String status;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
