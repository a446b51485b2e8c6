package dev.payhooks.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of the append-only audit trail (V19). */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "merchant_id", length = 36, nullable = false, updatable = false)
    String merchantId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    Instant recordedAt;

    @Column(name = "actor", length = 100, nullable = false, updatable = false)
    String actor;

    /** {@link dev.payhooks.domain.audit.Actor.Source} name. */
    @Column(name = "source", length = 16, nullable = false, updatable = false)
    String source;

    @Column(name = "action", length = 64, nullable = false, updatable = false)
    String action;

    @Column(name = "subject", length = 300, nullable = false, updatable = false)
    String subject;

    @Column(name = "detail", length = 1000, nullable = false, updatable = false)
    String detail;

    protected AuditEntryEntity() {
        // for JPA
    }
}
