package dev.payhooks.persistence.approval;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code approval_request} (V36): a risky action held for a second staff member's approval. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequestEntity extends VersionedEntity {

    @Id String id;
    @Column(nullable = false) String merchantId;
    @Column(nullable = false) String kind;
    String filterEventType;
    String filterSubscriptionId;
    String filterStatus;
    Instant filterFrom;
    Instant filterTo;
    String filterText;
    @Column(nullable = false) boolean withMissed;
    @Column(nullable = false) String summary;
    @Column(nullable = false) int deliveries;
    @Column(nullable = false) String requestedBy;
    @Column(nullable = false) String requestedVia;
    @Column(nullable = false) Instant requestedAt;
    @Column(nullable = false) String status;
    String decidedBy;
    Instant decidedAt;
    @Column(nullable = false) String result;
}
