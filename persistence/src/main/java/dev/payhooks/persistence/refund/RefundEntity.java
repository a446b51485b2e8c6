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

    @Id String id;
    @Column(nullable = false, updatable = false) String transactionId;

    /** {@link dev.payhooks.domain.refund.RefundKind} name. */
    @Column(nullable = false, updatable = false) String kind;
    @Column(updatable = false) String grantedRefundId;
    @Column(updatable = false) long amount;
    @Column(nullable = false, updatable = false) String currency;
    @Column(updatable = false) boolean includesShipping;

    /** {@link dev.payhooks.domain.refund.RefundStage} name. */
    @Column(nullable = false, updatable = false) String stage;

    /** {@link dev.payhooks.domain.refund.RefundStatus} name. */
    @Column(nullable = false) String status;
    String providerReference;
    String message;
    @Column(nullable = false, updatable = false) Instant requestedAt;
    @Column(nullable = false) Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_line", joinColumns = @JoinColumn(name = "refund_id"))
    @OrderColumn(name = "position")
    List<RefundLineRow> lines = new ArrayList<>();
}
