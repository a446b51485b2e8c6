package dev.payhooks.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of the append-only audit trail (V19): written once, never changed (retention deletes it). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id String id;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) Instant recordedAt;
    @Column(nullable = false) String actor;

    /** {@link dev.payhooks.domain.audit.Actor.Source} name. */
    @Column(nullable = false) String source;
    @Column(nullable = false) String action;
    @Column(nullable = false) String subject;
    @Column(nullable = false) String detail;
}
