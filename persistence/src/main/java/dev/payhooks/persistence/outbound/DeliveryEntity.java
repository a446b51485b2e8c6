package dev.payhooks.persistence.outbound;

import dev.payhooks.persistence.jpa.OwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "delivery")
public class DeliveryEntity extends OwnedEntity {

    @Column(nullable = false) String eventId;
    @Column(nullable = false) String subscriptionId;
    @Column(nullable = false) String status;
    Instant nextAttemptAt;
    int attemptsThisRound;
    String deadReason;
    String claimedBy;
    Instant claimedUntil;

    /** Attempt n is at index n-1: attempts are only ever appended. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "delivery_attempt", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderColumn(name = "attempt_number")
    @org.hibernate.annotations.ListIndexBase(1)
    List<DeliveryAttemptRow> attempts = new ArrayList<>();
}
