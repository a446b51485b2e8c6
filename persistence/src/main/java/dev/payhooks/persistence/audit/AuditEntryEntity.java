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
    String id;

    @Column(nullable = false, updatable = false)
    String merchantId;

    @Column(nullable = false, updatable = false)
    Instant recordedAt;

    @Column(nullable = false, updatable = false)
    String actor;

    /** {@link dev.payhooks.domain.audit.Actor.Source} name. */
    @Column(nullable = false, updatable = false)
    String source;

    @Column(nullable = false, updatable = false)
    String action;

    @Column(nullable = false, updatable = false)
    String subject;

    @Column(nullable = false, updatable = false)
    String detail;

    protected AuditEntryEntity() {
        // for JPA
    }
}
