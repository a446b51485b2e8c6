package dev.payhooks.persistence.reconciliation;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A transaction's reconciliation. Its version guards every change: a check, a flag, staff resolving
 * it, and the claim of a due one (a conditional update that moves the version on).
 */
@Entity
@Table(name = "transaction_reconciliation")
public class ReconciliationEntity extends VersionedEntity {

    @Id String transactionId;
    @Column(nullable = false, updatable = false) String merchantId;
    @Column(nullable = false) String state;
    int attempts;
    @Column(nullable = false) Instant nextCheckAt;
    Instant lastCheckedAt;
    String lastResult;
    String reason;
    String resolvedBy;
    @Column(nullable = false, updatable = false) Instant openedAt;
    @Column(nullable = false) Instant updatedAt;
}
