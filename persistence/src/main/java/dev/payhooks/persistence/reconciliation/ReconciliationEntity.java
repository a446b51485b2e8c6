package dev.payhooks.persistence.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A transaction's reconciliation; the row has no version: a checker claims it before it changes it. */
@Entity
@Table(name = "transaction_reconciliation")
public class ReconciliationEntity {

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
