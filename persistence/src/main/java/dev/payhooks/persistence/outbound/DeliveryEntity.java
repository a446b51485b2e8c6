package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.StampedEntity;
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

@Entity
@Table(name = "delivery")
public class DeliveryEntity extends StampedEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "event_id", length = 64, nullable = false)
    String eventId;

    @Column(name = "subscription_id", length = 36, nullable = false)
    String subscriptionId;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "attempts_this_round", nullable = false)
    int attemptsThisRound;

    @Column(name = "dead_reason", length = 500)
    String deadReason;

    @Column(name = "claimed_by", length = 64)
    String claimedBy;

    @Column(name = "claimed_until")
    Instant claimedUntil;

    /** Attempt n is at index n-1: attempts are only ever appended. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "delivery_attempt", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderColumn(name = "attempt_number")
    @org.hibernate.annotations.ListIndexBase(1)
    List<DeliveryAttemptRow> attempts = new ArrayList<>();

    protected DeliveryEntity() {
        // for JPA
    }
}
