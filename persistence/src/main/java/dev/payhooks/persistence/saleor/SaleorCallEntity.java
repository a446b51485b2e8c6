package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.saleor.SaleorCall;
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
    void open(SaleorCall<?> call) {
        this.id = call.id();
        this.apiUrl = call.apiUrl();
        this.provider = call.provider().slug();
        this.createdAt = call.createdAt();
    }

    /** Sets how the call went so far. */
    void progress(SaleorCall<?> call) {
        this.status = call.status().name();
        this.attempts = call.attempts();
        this.updatedAt = call.updatedAt();
    }
}
