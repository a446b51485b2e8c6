package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.payment.ProviderId;
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

    @Id String id;
    @Column(nullable = false) String apiUrl;
    @Column(nullable = false) String provider;
    @Column(nullable = false) String status;
    int attempts;
    @Column(nullable = false) Instant createdAt;
    @Column(nullable = false) Instant updatedAt;

    /** Sets what a call says from the start: which it is, for which installation, and since when. */
    void open(String id, String apiUrl, ProviderId provider, Instant createdAt) {
        this.id = id;
        this.apiUrl = apiUrl;
        this.provider = provider.slug();
        this.createdAt = createdAt;
    }

    /** Sets how the call went so far. */
    void progress(Enum<?> status, int attempts, Instant updatedAt) {
        this.status = status.name();
        this.attempts = attempts;
        this.updatedAt = updatedAt;
    }
}
