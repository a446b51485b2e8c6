package dev.payhooks.persistence.refund;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A refund; what was asked for is written once, only the outcome changes. */
@Entity
@Table(name = "refund")
public class RefundEntity extends VersionedEntity {

    @Id
    @Column(name = "id", length = 64, nullable = false)
    String id;

    @Column(name = "transaction_id", length = 64, nullable = false, updatable = false)
    String transactionId;

    /** {@link dev.payhooks.domain.refund.RefundKind} name. */
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    String kind;

    @Column(name = "granted_refund_id", length = 255, updatable = false)
    String grantedRefundId;

    @Column(name = "amount", nullable = false, updatable = false)
    long amount;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    String currency;

    @Column(name = "includes_shipping", nullable = false, updatable = false)
    boolean includesShipping;

    /** {@link dev.payhooks.domain.refund.RefundStage} name. */
    @Column(name = "stage", length = 20, nullable = false, updatable = false)
    String stage;

    /** {@link dev.payhooks.domain.refund.RefundStatus} name. */
    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "provider_reference")
    String providerReference;

    @Column(name = "message", length = 1000)
    String message;

    @Column(name = "requested_at", nullable = false, updatable = false)
    Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_line", joinColumns = @JoinColumn(name = "refund_id"))
    @OrderColumn(name = "position")
    List<RefundLineRow> lines = new ArrayList<>();

    protected RefundEntity() {
        // for JPA
    }
}
